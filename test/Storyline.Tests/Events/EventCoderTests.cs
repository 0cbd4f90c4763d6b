using Storyline.Events;
using Storyline.Pipeline;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Time;

namespace Storyline.Tests.Events;

public class EventCoderTests
{
    private static readonly AnalysisPipeline Pipeline = AnalysisPipeline.Build(new SentenceStage(), new TimeStage(), new EventStage());

    internal static Article Run(string text, DateOnly? published = null)
    {
        var article = new Article
        {
            Id = "t",
            Text = text,
            Metadata = new ArticleMetadata { Source = "t", Published = published ?? new DateOnly(2025, 3, 5), PublishedFrom = PublishedFrom.Metadata },
        };
        return Pipeline.Run(article, (stage, output) => Assert.Empty(ArticleInvariants.Check(output)));
    }

    private static EventMention Single(Article article, string cue) =>
        Assert.Single(article.Events, e => e.CueSpan is { } c && article.Text[c.Start..c.End] == cue);

    [Theory]
    [InlineData("Russian President Vladimir Putin said the talks were useful.", "said", "MAKE STATEMENT")]
    [InlineData("The Iraqi foreign minister met with his Iranian counterpart in Baghdad.", "met with", "CONSULT")]
    [InlineData("Israel and Egypt negotiated a new border arrangement.", "negotiated", "CONSULT")]
    [InlineData("France agreed to a ceasefire proposal.", "agreed", "AGREE")]
    [InlineData("The opposition appealed for international help.", "appealed", "REQUEST")]
    [InlineData("Germany demanded the release of the journalists.", "demanded", "DEMAND")]
    [InlineData("China accused Japan of provocation.", "accused", "ACCUSE")]
    [InlineData("Iran rejected the proposal.", "rejected", "REJECT")]
    [InlineData("North Korea threatened to attack South Korea.", "threatened", "THREATEN")]
    [InlineData("Thousands of students protested in Belgrade.", "protested", "PROTEST")]
    [InlineData("The United States imposed sanctions on Venezuela.", "imposed", "COERCE")]
    [InlineData("Japan gave humanitarian aid to Turkey.", "gave", "AID")]
    [InlineData("The U.S. paused all military aid to Ukraine.", "paused", "SANCTION")]
    [InlineData("Washington suspended economic assistance to Niger.", "suspended", "SANCTION")]
    [InlineData("Russia sent troops into Georgia.", "sent", "MOBILIZE")]
    [InlineData("Police arrested dozens of protesters in Tbilisi.", "arrested", "COERCE")]
    [InlineData("Gunmen kidnapped two aid workers.", "kidnapped", "ASSAULT")]
    [InlineData("Troops shelled the town overnight.", "shelled", "FIGHT")]
    [InlineData("Belarus hosted talks between Russia and Ukraine.", "hosted", "AGREE")]
    [InlineData("The U.S. voted against the resolution.", "voted", "REJECT")]
    public void A_cue_gives_its_PLOVER_type(string text, string cue, string type)
    {
        var article = Run(text);

        Assert.Equal(type, Single(article, cue).Type);
    }

    [Fact]
    public void An_offer_to_host_talks_is_one_AGREE_event_with_the_offerer_as_actor()
    {
        var article = Run("Belarusian President Alexander Lukashenko has offered to host Russia-Ukraine truce talks.");

        var offer = Single(article, "offered");
        Assert.Equal("AGREE", offer.Type);
        Assert.Equal("alexander-lukashenko", offer.Actor);
        Assert.Equal("BLR", offer.ActorCountry);
        Assert.DoesNotContain(article.Events, e => article.Text[e.CueSpan!.Value.Start..e.CueSpan.Value.End] == "host");
    }

    [Fact]
    public void The_Kremlin_is_coded_as_the_Russian_government()
    {
        var article = Run("The Kremlin accused Kyiv of sabotage.");

        var accusation = Single(article, "accused");
        Assert.Equal("RUSGOV", accusation.ActorCode);
        Assert.Equal("RUS", accusation.ActorCountry);
        Assert.Equal("UKR", accusation.TargetCountry);
    }

    [Fact]
    public void Future_cooperation_is_AGREE_as_PLOVER_3_1_says()
    {
        var now = Single(Run("Serbia met Kosovo."), "met");
        var later = Single(Run("Serbia will meet Kosovo."), "meet");

        Assert.Equal("CONSULT", now.Type);
        Assert.Equal("AGREE", later.Type);
        Assert.Contains("+future", later.By, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passive_takes_its_actor_from_the_by_phrase()
    {
        var article = Run("Georgia was attacked by Russia.");

        var attack = Single(article, "attacked");
        Assert.Equal("russia", attack.Actor);
        Assert.Equal("georgia", attack.Target);
    }

    [Fact]
    public void Compound_actors_are_one_event_with_every_member()
    {
        var article = Run("France and Germany condemned Iran.");

        var condemnation = Single(article, "condemned");
        Assert.Equal(["france", "germany"], condemnation.Actors.Select(a => a.Entity));
        Assert.Equal("iran", condemnation.Target);
    }

    [Fact]
    public void A_negated_event_is_marked()
    {
        var article = Run("Turkey did not attack Syria.");

        Assert.True(Single(article, "attack").Negated);
    }

    [Fact]
    public void Location_and_date_come_from_the_clause()
    {
        var article = Run("Police arrested Ivanov in Minsk on March 2.");

        var arrest = Single(article, "arrested");
        Assert.Equal(("police", "ivanov", "minsk", "2025-03-02"), (arrest.Actor, arrest.Target, arrest.Location, arrest.Date));
    }

    [Fact]
    public void Time_words_and_nouns_after_determiners_are_not_cues()
    {
        var article = Run("On March 5 the talks in the capital were calm.");

        Assert.DoesNotContain(article.Events, e => e.Type == "PROTEST");
        Assert.DoesNotContain(article.Events, e => article.Text[e.CueSpan!.Value.Start..e.CueSpan.Value.End] == "talks");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello.")]
    [InlineData("Blue sky, green grass, quiet morning.")]
    [InlineData("... !!! ???")]
    [InlineData("said said said said")]
    public void Text_without_events_gives_none_or_sane_ones(string text)
    {
        var article = Run(text);

        Assert.All(article.Events, e => Assert.Contains(e.Type, CameoPlover.Types));
    }

    [Fact]
    public void A_ten_thousand_token_sentence_does_not_break_the_coder()
    {
        var words = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => (i % 7) switch
        {
            0 => "Russia",
            1 => "attacked",
            2 => "Ukraine",
            3 => "and",
            4 => "met",
            5 => "with",
            _ => "officials",
        }));

        var article = Run(words + ".");

        Assert.NotEmpty(article.Events);
        Assert.All(article.Events, e => Assert.True(e.Span.End <= article.Text.Length));
    }

    [Fact]
    public void Every_event_satisfies_the_stage_invariants()
    {
        var article = Run("Iran rejected the proposal. Police arrested protesters in Tehran on Friday, officials said. " +
            "France and Germany condemned the arrests; the EU threatened sanctions.");

        Assert.NotEmpty(article.Events);
        foreach (var e in article.Events)
        {
            Assert.Contains(e.Type, CameoPlover.Types);
            Assert.True(e.CueSpan is { } cue && e.Span.Contains(cue), $"cue outside the clause: {e}");
            Assert.True(e.ActorSpan is null || article.Sentences.Any(s => s.Span.Contains(e.ActorSpan.Value) && s.Span.Contains(e.Span)));
            Assert.True(e.TargetSpan is null || e.Span.Contains(e.TargetSpan.Value), $"target outside the clause: {e}");
            Assert.True(e.DateSpan is null || article.Times.Any(t => t.Span == e.DateSpan));
            Assert.Equal(e.Actor is null, e.ActorSpan is null);
        }
    }
}
