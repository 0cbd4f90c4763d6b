using System.Text;
using Storyline.Cli.Analysis;
using Storyline.Pipeline;

namespace Storyline.Cli.Tests;

/// <summary>
/// Hostile input at volume through the whole batch (read → analyse): random bytes under every extension, huge and
/// degenerate texts. Nothing may crash or hang the batch: every input comes back as an analysed article or as an error
/// that names it, and every analysed article passes the invariants. Fixed seeds; sizes chosen to fit a CI budget.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("storyline-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static BatchResult Analyse(string path, double budgetSeconds = 10) =>
        new BatchAnalyzer(StandardPipeline.Create(), new AnalyzeOptions { ArticleBudget = TimeSpan.FromSeconds(budgetSeconds), Threads = 2 }).Run([path]);

    private static void AssertSound(BatchResult result)
    {
        Assert.All(result.Articles, a => Assert.Empty(ArticleInvariants.Check(a)));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Error)));
    }

    /// <summary>Random bytes, random valid text, and near-valid markup for each reader.</summary>
    [Fact]
    public void Random_bytes_and_near_valid_markup_under_every_extension_never_stop_the_batch()
    {
        var random = new Random(20261122);
        var extensions = new[] { ".txt", ".html", ".xml", ".jsonl", ".rss", ".atom", ".htm" };
        var files = new List<string>();
        for (var i = 0; i < 70; i++)
        {
            var extension = extensions[i % extensions.Length];
            var path = Path.Combine(_folder, $"{i:000}{extension}");
            files.Add(path);
            switch (i / extensions.Length % 5)
            {
                case 0:
                    var bytes = new byte[random.Next(0, 20_000)];
                    random.NextBytes(bytes);
                    File.WriteAllBytes(path, bytes);
                    break;
                case 1:
                    File.WriteAllText(path, RandomText(random, random.Next(0, 5_000)));
                    break;
                case 2:
                    File.WriteAllText(path, Markup(random, extension));
                    break;
                case 3:
                    // Valid markup cut off at a random point.
                    var markup = Markup(random, extension);
                    File.WriteAllText(path, markup[..random.Next(0, markup.Length)]);
                    break;
                default:
                    var text = Encoding.UTF8.GetBytes(Markup(random, extension));
                    for (var flips = 0; flips < 20 && text.Length > 0; flips++)
                    {
                        text[random.Next(text.Length)] = (byte)random.Next(256);
                    }

                    File.WriteAllBytes(path, text);
                    break;
            }
        }

        var result = Analyse(_folder);

        AssertSound(result);
        var accounted = result.Articles.Select(a => a.Metadata.Source).Concat(result.Errors.Select(e => e.Source)).ToList();
        Assert.All(files, f => Assert.Contains(accounted, s => s.StartsWith(f, StringComparison.Ordinal)));
    }

    private static string RandomText(Random random, int length)
    {
        var builder = new StringBuilder(length);
        string[] alphabet = [.. "abcdefghij KLMNOP.,;:!?\"'“”‘’«»()[]{}<>&#0123456789\n\t—–-…éü中ж".Select(c => c.ToString()), "😀", "e\u0301"];
        while (builder.Length < length)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string Markup(Random random, string extension)
    {
        var words = RandomText(random, random.Next(10, 2_000)).Replace("<", " ", StringComparison.Ordinal).Replace("&", " ", StringComparison.Ordinal);
        return extension switch
        {
            ".html" or ".htm" => $"<html><head><title>{words[..Math.Min(30, words.Length)]}</title><meta charset=\"utf-8\"></head><body><article><p>{words}</p><p>{words}</p></article></body></html>",
            ".xml" or ".rss" => $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>{System.Security.SecurityElement.Escape(words)}</description></item></channel></rss>",
            ".atom" => $"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>x</title><id>urn:x</id><content>{System.Security.SecurityElement.Escape(words)}</content></entry></feed>",
            ".jsonl" => $"{{\"id\": \"a\", \"text\": {System.Text.Json.JsonSerializer.Serialize(words)}}}\n{{\"id\": 5, \"text\": [1,2]}}\n{{\"text\": \"\\ud800 lone\"}}\nnot json\n",
            _ => words,
        };
    }

    [Fact]
    public void A_100_MB_text_is_rejected_by_the_size_limit_with_a_clear_error()
    {
        var path = Path.Combine(_folder, "huge.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(100L << 20); // sparse: the limit is checked before anything is read
        }

        var result = Analyse(path);

        Assert.Empty(result.Articles);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Source);
        Assert.Contains("MiB", error.Error);
    }

    [Fact]
    public void A_million_quotation_marks_are_analysed_or_reported_within_the_budget()
    {
        File.WriteAllText(Path.Combine(_folder, "straight.txt"), new string('"', 1_000_000));
        File.WriteAllText(Path.Combine(_folder, "curly.txt"), string.Concat(Enumerable.Repeat("“a ” ", 200_000)));
        File.WriteAllText(Path.Combine(_folder, "normal.txt"), "\"We will talk,\" the minister said on Friday.");

        var result = Analyse(_folder, budgetSeconds: 5);

        AssertSound(result);
        // The ordinary article after them is analysed whatever happened to the two hostile ones.
        Assert.Contains(result.Articles, a => a.Id == "normal" && a.Quotes.Length == 1);
        Assert.Equal(3, result.Articles.Count + result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("budget", e.Error));
    }

    [Fact]
    public void HTML_nested_100000_levels_deep_is_refused_quickly_and_a_page_nested_60_deep_is_read()
    {
        const string body = "<p>The minister said on Friday that the talks would resume in Geneva next week.</p>";
        File.WriteAllText(Path.Combine(_folder, "deep.html"),
            "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + body + string.Concat(Enumerable.Repeat("</div>", 100_000)) + "</body></html>");
        File.WriteAllText(Path.Combine(_folder, "deep-unclosed.html"), "<html><body>" + string.Concat(Enumerable.Repeat("<span><b>", 60_000)) + body);
        File.WriteAllText(Path.Combine(_folder, "nested.html"),
            "<html><body><article>" + string.Concat(Enumerable.Repeat("<div>", 60)) + body + body + string.Concat(Enumerable.Repeat("</div>", 60)) + "</article></body></html>");

        var result = Analyse(_folder);

        AssertSound(result);
        Assert.Equal(["nested"], result.Articles.Select(a => a.Id));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("nested more than 5000 elements deep", e.Error));
    }
}
