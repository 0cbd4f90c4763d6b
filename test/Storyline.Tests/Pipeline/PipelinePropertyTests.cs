using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Tests.Pipeline;

/// <summary>
/// Property tests of the span invariants: for random text mixing words, names, punctuation, quotation marks of every
/// kind, digits and dates, newlines and non-Latin script, every stage's output passes <see cref="ArticleInvariants"/>.
/// A fixed seed keeps a failure reproducible in CI; FsCheck shrinks it to a short text.
/// </summary>
public sealed class PipelinePropertyTests
{
    private static readonly AnalysisPipeline Pipeline = StandardPipeline.Create();

    private static readonly string[] Words =
    [
        "the", "said", "on", "Friday", "talks", "minister", "Mr.", "U.S.", "Peskov", "Dmitry", "Kremlin", "Minsk", "told",
        "reporters", "he", "she", "was", "not", "in", "March", "Feb.", "2025", "3.5", "1,000", "5", "last", "week", "next",
        "Tuesday", "years", "ago", "according", "to", "AFP", "St.", "e.g.", "don't", "Zelensky's", "co-operation", "UN",
        "café", "Москва", "北京", "😀", "naïve", "O'Brien", "http://example.com/a?b=1", "someone@example.org", "#tag", "@user",
    ];

    private static readonly string[] Marks =
    [
        ".", ",", ";", ":", "!", "?", "...", "…", "—", "–", "-", "(", ")", "[", "]", "\"", "'", "“", "”", "‘", "’", "«", "»",
        "„", "‹", "›", "\n", "\n\n", "\r\n", "\t", " ", "  ", "\u00A0", "\u200B", "\u0301", "%", "$", "€", "&", "/",
    ];

    /// <summary>A text of up to a few hundred pieces: mostly words and spaces, with marks and odd characters between.</summary>
    private static Gen<string> Texts()
    {
        var piece = Gen.Frequency(
            (6, Gen.Elements(Words).Select(w => w + " ")),
            (4, Gen.Elements(Marks)),
            (1, Gen.Choose(0x20, 0xD7FF).Select(c => ((char)c).ToString())),
            (1, Gen.Elements(Words).Select(w => "\"" + w + " " + w + ",\" " + w + " said. ")));
        return Gen.ListOf(piece).Select(pieces => string.Concat(pieces));
    }

    private static void AnalyseAndCheck(string text)
    {
        var article = new Article
        {
            Id = "property",
            Text = text,
            Metadata = new ArticleMetadata { Source = "property", Published = new DateOnly(2025, 3, 5), PublishedFrom = PublishedFrom.Metadata },
        };
        Pipeline.Run(article, (stage, output) =>
        {
            var problems = ArticleInvariants.Check(output);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"after {stage.Name}: {string.Join("; ", problems)}");
            }
        });
    }

    [Fact]
    public void Every_stage_keeps_the_span_invariants_on_random_text()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(300)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261122UL, 1442695040888963407UL), FSharpOption<int>.None)));

        Check.One(config, Prop.ForAll(Texts().ToArbitrary(), (string text) => AnalyseAndCheck(text)));
    }

    [Fact]
    public void Every_stage_keeps_the_span_invariants_on_random_characters()
    {
        // Anything a decoder can give: every UTF-16 unit from control characters to the private-use area, in
        // well-formed surrogate pairs.
        var unit = Gen.Frequency(
            (8, Gen.Choose(0, 0xD7FF).Select(c => ((char)c).ToString())),
            (2, Gen.Choose(0xE000, 0xFFFD).Select(c => ((char)c).ToString())),
            (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));
        var config = Config.QuickThrowOnFailure.WithMaxTest(200)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(8UL, 1442695040888963407UL), FSharpOption<int>.None)));

        Check.One(config, Prop.ForAll(Gen.ListOf(unit).Select(string.Concat).ToArbitrary(), (string text) => AnalyseAndCheck(text)));
    }
}
