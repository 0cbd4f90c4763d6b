using Storyline.Events;
using Storyline.Pipeline;
using Storyline.Testing;
using Storyline.Text;

namespace Storyline.Tests.Events;

/// <summary>The seed articles' events, typed as the PLOVER manual (draft 0.8) reads them.</summary>
public class SeedEventTests
{
    private static Article Analyse(string prefix)
    {
        var path = TestData.Seed(prefix);
        var text = File.ReadAllText(path);
        var article = new Article { Id = prefix, Text = text, Metadata = new ArticleMetadata { Source = path, Published = new DateOnly(2025, 3, 5), PublishedFrom = PublishedFrom.Metadata } };
        return StandardPipeline.Create().Run(article, (_, output) => Assert.Empty(ArticleInvariants.Check(output)));
    }

    private static EventMention At(Article article, string cue, string context)
    {
        var at = article.Text.IndexOf(context, StringComparison.Ordinal);
        Assert.True(at >= 0, $"seed text changed: '{context}' not found");
        var cueStart = article.Text.IndexOf(cue, at, StringComparison.Ordinal);
        return Assert.Single(article.Events, e => e.CueSpan?.Start == cueStart);
    }

    [SkippableFact]
    public void Lukashenko_offering_to_host_talks_is_AGREE_PLOVER_3_2_future_meetings()
    {
        var article = Analyse("002_");

        var offer = At(article, "offered", "Lukashenko has offered to host");
        Assert.Equal("AGREE", offer.Type);
        Assert.Equal("alexander-lukashenko", offer.Actor);
        Assert.Equal("BLR", offer.ActorCountry);
    }

    [SkippableFact]
    public void The_pause_of_US_military_aid_is_SANCTION_discontinue_PLOVER_3_10_2()
    {
        var article = Analyse("000_");

        var pause = At(article, "paused", "the U.S. paused all military aid");
        Assert.Equal(("SANCTION", "discontinue", "1622"), (pause.Type, pause.Mode, pause.Cameo));
        Assert.Equal("USA", pause.ActorCountry);
        Assert.Equal("ukraine", pause.Target);
    }

    [SkippableFact]
    public void Sending_troops_through_Belarus_in_2022_is_MOBILIZE_troops_by_Russia_into_Ukraine()
    {
        var article = Analyse("002_");

        var send = At(article, "send", "Russia used Belarusian territory");
        Assert.Equal(("MOBILIZE", "troops"), (send.Type, send.Mode));
        Assert.Equal(("russia", "ukraine", "2022"), (send.Actor, send.Target, send.Date));
    }

    [SkippableFact]
    public void The_US_vote_against_the_UN_resolution_is_REJECT_on_Feb_24()
    {
        var article = Analyse("000_");

        var vote = At(article, "voted", "The U.S. also voted alongside Russia");
        Assert.Equal("REJECT", vote.Type);
        Assert.Equal(("USA", "IGOUNO", "2025-02-24"), (vote.ActorCountry, vote.TargetCode, vote.Date));
        Assert.Contains(vote.Actors, a => a.Entity == "russia");
    }
}
