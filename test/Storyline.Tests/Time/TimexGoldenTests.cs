using System.Globalization;
using System.Text.Json;
using Storyline.Time;

namespace Storyline.Tests.Time;

/// <summary>Golden specs (TimexGolden.json): input, reference date, and every expression expected with its offsets.</summary>
public sealed class TimexGoldenTests
{
    public sealed record Expected(string Text, int Start, int End, string Type, string Value, string? Mod);

    public sealed record Spec(string Input, string? Published, IReadOnlyList<Expected> Expect);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in Load())
        {
            data.Add(spec.Input + " @" + (spec.Published ?? "none"));
        }

        return data;
    }

    private static List<Spec> Load() =>
        JsonSerializer.Deserialize<List<Spec>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Time", "TimexGolden.json")), Options)!;

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Finds_and_normalises_every_expression_of_the_spec(string key)
    {
        var spec = Load().Single(s => s.Input + " @" + (s.Published ?? "none") == key);
        foreach (var e in spec.Expect)
        {
            Assert.Equal(e.Text, spec.Input[e.Start..e.End]);
        }

        DateOnly? reference = spec.Published is null ? null : DateOnly.ParseExact(spec.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var found = TimexTagger.Tag(spec.Input, reference);
        var actual = found.Select(t => $"{spec.Input[t.Span.Start..t.Span.End]} [{t.Span.Start},{t.Span.End}) {t.Type} {t.Value} {t.Mod}").ToList();
        var expected = spec.Expect.Select(e => $"{e.Text} [{e.Start},{e.End}) {e.Type} {e.Value} {e.Mod}").ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Same_text_and_date_always_give_the_same_values()
    {
        var text = "Trump said Tuesday that the talks of Friday would resume next week, and on March 5.";
        var reference = new DateOnly(2025, 3, 5);
        var first = TimexTagger.Tag(text, reference);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first.ToArray(), TimexTagger.Tag(text, reference).ToArray());
        }
    }
}
