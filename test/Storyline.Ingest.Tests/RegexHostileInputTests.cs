using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Storyline.Ingest;

namespace Storyline.Ingest.Tests;

/// <summary>
/// Every regular expression that runs on article input (Storyline.Ingest, Storyline.Core), found by
/// reflection so a new one is covered without being listed, is run on inputs built to make a backtracking engine go
/// quadratic or worse. The patterns were checked by hand to be linear or bounded (anchored, or quantifiers over
/// disjoint character classes, or {0,60}-bounded gaps); this test keeps them so. Each is run as an interpreted copy
/// (compiled) with a match timeout far above what a linear pattern needs on 100k characters, as a hang detector. (Two inline
/// Regex.Match calls are not found this way and need not be: the feed reader's runs on the first 200 bytes, the
/// store's migrations' on its own resource names.)
/// </summary>
public sealed class RegexHostileInputTests
{
    private static readonly Assembly[] Runtime =
    [
        typeof(ArticleSource).Assembly,
        typeof(Storyline.Text.Article).Assembly,
    ];

    public static IEnumerable<(string Name, Regex Regex)> RuntimeRegexes()
    {
        const BindingFlags all = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        // Compiler-generated types (the regex generator's cache) hold the same instances the methods return.
        foreach (var type in Runtime.SelectMany(a => a.GetTypes()).Where(t => !t.FullName!.Contains('<', StringComparison.Ordinal)))
        {
            foreach (var method in type.GetMethods(all).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.IsGenericMethod))
            {
                yield return ($"{type.Name}.{method.Name}", (Regex)method.Invoke(null, null)!);
            }

            foreach (var field in type.GetFields(all).Where(f => !f.FieldType.IsGenericTypeDefinition))
            {
                foreach (var regex in RegexesIn(field.GetValue(null)))
                {
                    yield return ($"{type.Name}.{field.Name}", regex);
                }
            }
        }
    }

    private static IEnumerable<Regex> RegexesIn(object? value) => value switch
    {
        Regex regex => [regex],
        ITuple tuple => Enumerable.Range(0, tuple.Length).SelectMany(i => RegexesIn(tuple[i])),
        System.Collections.IEnumerable items and not string => items.Cast<object?>().SelectMany(RegexesIn),
        _ => [],
    };

    /// <summary>Inputs aimed at the patterns' prefixes and quantifiers: long runs of one class, repeated prefixes
    /// with nothing to complete them, alternations of two classes.</summary>
    private static IEnumerable<string> Hostile()
    {
        const int n = 100_000;
        yield return new string('a', n);
        yield return new string('A', n);
        yield return new string('1', n);
        yield return new string(' ', n);
        yield return new string('\n', n);
        yield return new string('-', n);
        yield return new string('"', n);
        yield return string.Concat(Enumerable.Repeat("a ", n / 2));
        yield return string.Concat(Enumerable.Repeat("A.", n / 2));
        yield return string.Concat(Enumerable.Repeat("aA", n / 2));
        yield return string.Concat(Enumerable.Repeat(": ", n / 2));
        yield return string.Concat(Enumerable.Repeat("<meta ", n / 6));
        yield return "<meta " + new string(' ', n) + "charset";
        yield return string.Concat(Enumerable.Repeat("follow ", n / 7));
        yield return "follow " + new string('x', n) + " on";
        yield return string.Concat(Enumerable.Repeat("edited by A ", n / 12));
        yield return "edited by " + new string('A', n);
        yield return "adhere to " + string.Concat(Enumerable.Repeat("Ab ", n / 3));
        yield return "published " + new string('x', n);
        yield return "this audio is created " + string.Concat(Enumerable.Repeat("by ", n / 3));
        yield return "Disclaimer: this story has been published " + new string('a', n);
        yield return "sign up " + new string('x', n);
        yield return "copyright 2024 " + new string('x', n);
        yield return "2024-" + new string('0', n);
        yield return "name:\n" + string.Concat(Enumerable.Repeat("  first: a\n", n / 11));
        yield return "<?xml " + new string('x', n);
    }

    [Fact]
    public void The_search_finds_the_regexes_that_run_on_input()
    {
        var names = RuntimeRegexes().Select(r => r.Name).ToHashSet();

        Assert.Contains("BoilerplateDetector.Rules", names);
        Assert.Contains("HtmlArticleReader.MetaCharset", names);
        Assert.True(names.Count >= 15, string.Join(", ", names));
        Assert.DoesNotContain(names, n => n.Contains('<', StringComparison.Ordinal));
    }

    [Fact]
    public void No_runtime_regex_hangs_on_hostile_input()
    {
        var slow = new List<string>();
        var inputs = Hostile().ToList();
        foreach (var (name, regex) in RuntimeRegexes().DistinctBy(r => (r.Regex.ToString(), r.Regex.Options)))
        {
            var guarded = new Regex(regex.ToString(), regex.Options | RegexOptions.Compiled, TimeSpan.FromSeconds(10));
            foreach (var input in inputs)
            {
                try
                {
                    _ = guarded.Count(input);
                }
                catch (RegexMatchTimeoutException)
                {
                    slow.Add($"{name} /{regex}/ on {input[..Math.Min(20, input.Length)]}… ({input.Length} chars)");
                }
            }
        }

        Assert.Empty(slow);
    }
}
