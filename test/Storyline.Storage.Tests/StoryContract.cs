using static Storyline.Storage.Tests.TestArticles;

namespace Storyline.Storage.Tests;

/// <summary>Stories kept by the store (migration 0002): placed as articles are saved, the same whether they come in
/// one run or many, and readable without rebuilding anything. Part of <see cref="StoreContract"/>, so both backends
/// run it.</summary>
public abstract partial class StoreContract
{
    /// <summary>Three reports of the Minsk talks (one a wire copy of another), two of an earthquake, one of a
    /// football match, interleaved as a feed would bring them.</summary>
    private static readonly IReadOnlyList<Output.ArticleJson> Feed =
    [
        Make("minsk-1", Peskov, published: "2025-03-05", outlet: "Kyiv Independent"),
        Make("quake-1", "A magnitude 6.1 earthquake struck central Italy near Amatrice on Wednesday, killing at least 120 people. " +
            "Rescuers in Amatrice searched the rubble for survivors of the earthquake.", published: "2025-03-05", outlet: "Reuters"),
        Make("minsk-2", "Dmitry Peskov, the Kremlin spokesman, told reporters that Minsk is the best place for talks between Russia, " +
            "Ukraine and the United States. Belarus has offered to host the talks in Minsk, Peskov said.", published: "2025-03-05", outlet: "WION"),
        Make("football", "Arsenal beat Chelsea 3-1 at the Emirates Stadium on Saturday. Saka scored twice for Arsenal.", published: "2025-03-08", outlet: "BBC"),
        Make("quake-2", "Rescuers searched the rubble in Amatrice after the magnitude 6.1 earthquake in central Italy. " +
            "The earthquake near Amatrice killed at least 120 people, officials in Italy said.", published: "2025-03-06", outlet: "AP"),
        Make("minsk-copy", Peskov + " The talks could start next week.", url: "https://example.org/copy", published: "2025-03-05", outlet: "Wire"),
    ];

    /// <summary>What one run over <see cref="Feed"/> makes (<see cref="Saving_places_each_article_in_a_story_in_save_order"/>
    /// checks it), as sorted member lists.</summary>
    private static readonly List<string> OneRun = ["football", "minsk-1,minsk-2,minsk-copy", "quake-1,quake-2"];

    private static List<string> Partition(IEnumerable<StoredStory> stories) =>
        [.. stories.Select(s => string.Join(",", s.Members.Select(m => m.Article))).Order(StringComparer.Ordinal)];

    [SkippableFact]
    public async Task Saving_places_each_article_in_a_story_in_save_order()
    {
        var store = await OpenAsync();
        foreach (var article in Feed)
        {
            await store.SaveAsync(article);
        }

        var stories = await store.StoriesAsync(100);

        Assert.Equal(OneRun, Partition(stories));
        Assert.Equal(3, await store.StoryCountAsync());
        var minsk = Assert.Single(stories, s => s.Members.Length == 3);
        Assert.Equal("story-minsk-1", minsk.Id);
        Assert.Equal([1L, 3, 6], minsk.Members.Select(m => m.Position));
        Assert.Equal("minsk-1", minsk.Members[2].CopyOf);
        Assert.Equal("story/copy", minsk.Members[2].By);
        Assert.Equal(new DateOnly(2025, 3, 5), minsk.End);
        // Latest first: the football story's last date is the latest.
        Assert.Equal("story-football", stories[0].Id);
        Assert.Equal([.. minsk.Members], (await store.StoryAsync("story-minsk-1"))!.Members.ToList());
        Assert.Equal([.. minsk.Members], (await store.StoryOfAsync("minsk-copy"))!.Members.ToList());
        Assert.Null(await store.StoryAsync("story-minsk-2"));
        Assert.Null(await store.StoryOfAsync("no-such-article"));
        Assert.Equal(["story-football"], (await store.StoriesAsync(1)).Select(s => s.Id));
        Assert.Equal(2, (await store.StoriesAsync(10, offset: 1)).Count);
    }

    [SkippableFact]
    public async Task Ingesting_one_article_per_run_gives_the_stories_of_one_run()
    {
        foreach (var article in Feed)
        {
            // A new store object each time, as a new process would open: it replays what the store holds, then places.
            await using var run = await OpenStoreAsync();
            await run.SaveAsync(article);
        }

        await using var reader = await OpenStoreAsync();
        Assert.Equal(OneRun, Partition(await reader.StoriesAsync(100)));
        Assert.Equal(Feed.Count, Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM story_members")));
    }

    [SkippableFact]
    public async Task Two_store_objects_saving_in_turn_keep_one_order_of_placement()
    {
        // Two processes ingesting into one store: each catches up with what the other placed before placing its own.
        var first = await OpenAsync();
        var second = await OpenAsync();
        for (var i = 0; i < Feed.Count; i++)
        {
            await (i % 2 == 0 ? first : second).SaveAsync(Feed[i]);
        }

        Assert.Equal(OneRun, Partition(await first.StoriesAsync(100)));
        Assert.Equal(Enumerable.Range(1, Feed.Count).Select(i => (long)i),
            (await first.StoriesAsync(100)).SelectMany(s => s.Members).Select(m => m.Position).Order());
    }

    [SkippableFact]
    public async Task A_store_from_before_stories_gets_its_articles_placed_in_ingest_order()
    {
        var old = await OpenAsync(Steps.Take(1).ToList());
        foreach (var article in Feed.Take(4))
        {
            await old.SaveAsync(article);
        }

        var upgraded = await OpenAsync();
        // A save after the upgrade places the older articles first.
        await upgraded.SaveAsync(Feed[4]);
        Assert.Equal(0, await upgraded.AssignStoriesAsync());
        await upgraded.SaveAsync(Feed[5]);

        Assert.Equal(OneRun, Partition(await upgraded.StoriesAsync(100)));
        Assert.Equal("quake-2", (await upgraded.StoryOfAsync("quake-1"))!.Members[1].Article);
        Assert.Equal(5L, (await upgraded.StoryOfAsync("quake-2"))!.Members[1].Position);
    }

    [SkippableFact]
    public async Task A_store_from_before_stories_is_placed_by_the_first_reader_too()
    {
        var old = await OpenAsync(Steps.Take(1).ToList());
        foreach (var article in Feed)
        {
            await old.SaveAsync(article);
        }

        var upgraded = await OpenAsync();
        Assert.Empty(await upgraded.StoriesAsync(100));

        Assert.Equal(Feed.Count, await upgraded.AssignStoriesAsync());

        Assert.Equal(OneRun, Partition(await upgraded.StoriesAsync(100)));
        Assert.Equal(0, await upgraded.AssignStoriesAsync());
    }

    [SkippableFact]
    public async Task Story_numbers_written_by_other_rules_are_corrected_on_replay()
    {
        var store = await OpenAsync();
        foreach (var article in Feed.Take(5))
        {
            await store.SaveAsync(article);
        }

        // As if an older clusterer had split the quake reports: the next writer's replay re-derives them.
        await ScalarAsync("UPDATE story_members SET story = 99 WHERE article_id = 'quake-2'");
        await using var next = await OpenStoreAsync();
        await next.SaveAsync(Feed[5]);

        Assert.Equal(OneRun, Partition(await next.StoriesAsync(100)));
    }
}
