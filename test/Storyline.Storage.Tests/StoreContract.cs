using System.Data.Common;
using Storyline.Output;
using Storyline.Storage.Migrations;
using static Storyline.Storage.Tests.TestArticles;

namespace Storyline.Storage.Tests;

/// <summary>
/// What every store backend must do, as one suite: SQLite and PostgreSQL derive from it and run these same tests.
/// Each test gets fresh, empty storage (a new file, a new schema); <see cref="OpenAsync"/> opens a store on it, and
/// opening it again gives a second, independent store on the same data (as another process would).
/// </summary>
public abstract partial class StoreContract : IAsyncLifetime
{
    private readonly List<IArticleStore> _opened = [];

    /// <summary>Opens a store on this test's storage (skips the test when the backend is not available here), with
    /// the backend's own migration steps or, when given, these.</summary>
    protected abstract Task<IArticleStore> OpenStoreAsync(IReadOnlyList<Migration>? steps = null);

    /// <summary>The backend's own migration steps.</summary>
    protected abstract IReadOnlyList<Migration> Steps { get; }

    /// <summary>Runs SQL on this test's storage directly, around the store, and returns the first column of the first row.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
    }

    protected async Task<IArticleStore> OpenAsync(IReadOnlyList<Migration>? steps = null)
    {
        var store = await OpenStoreAsync(steps);
        _opened.Add(store);
        return store;
    }

    private async Task<long> CountRowsAsync(string table) => Convert.ToInt64(await ScalarAsync($"SELECT COUNT(*) FROM {table}"));

    [SkippableFact]
    public async Task Saves_an_article_and_gets_it_back_with_its_analysis_unchanged()
    {
        var store = await OpenAsync();
        var article = Make("peskov", Peskov + " Ünïcödé — “quotes” 😀", url: "https://example.org/news/peskov", title: "Peskov: Minsk is best",
            published: "2025-03-05",
            quotes: [Quote(Peskov, "\"Minsk is the best place for us. It is our main ally,\"", "dmitry-peskov", "Dmitry Peskov")],
            entities: [Mention(Peskov, "Dmitry Peskov", "PERSON", "dmitry-peskov")]);

        var saved = await store.SaveAsync(article);
        var stored = await store.GetAsync("peskov");

        Assert.Equal(new SaveResult("peskov", SaveOutcome.Saved), saved);
        Assert.NotNull(stored);
        Assert.Equal("peskov", stored.Summary.Id);
        Assert.Equal("https://example.org/news/peskov", stored.Summary.Url);
        Assert.Equal("Test Outlet", stored.Summary.Outlet);
        Assert.Equal("Peskov: Minsk is best", stored.Summary.Title);
        Assert.Equal(new DateOnly(2025, 3, 5), stored.Summary.Published);
        Assert.Equal(ArticleKeys.TextHash(article), stored.Summary.TextHash);
        Assert.InRange(stored.Summary.IngestedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(article.Text, stored.Analysis.Text);
        Assert.Equal(article.Sentences, stored.Analysis.Sentences);
        Assert.Equal(article.Quotes, stored.Analysis.Quotes);
        Assert.Equal(article.Entities, stored.Analysis.Entities);
        Assert.Equal(1, await store.CountAsync());
    }

    [SkippableFact]
    public async Task An_unknown_id_is_not_found()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Make("a", "Some text."));

        Assert.Null(await store.GetAsync("b"));
    }

    [SkippableFact]
    public async Task The_same_url_again_is_one_article_even_with_other_text()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Make("first", "The first version of the report.", url: "https://Example.org/news/1"));

        // Host case, default port and fragment do not make another page.
        var again = await store.SaveAsync(Make("second", "An updated version of the report.", url: "https://example.org:443/news/1#comments"));

        Assert.Equal(new SaveResult("first", SaveOutcome.Duplicate, "same URL"), again);
        Assert.Equal(1, await store.CountAsync());
    }

    [SkippableFact]
    public async Task The_same_text_with_other_whitespace_and_case_is_one_article()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Make("wire", "Minsk is the best place for talks, Peskov said.", url: "https://wire.example/1"));

        var copy = await store.SaveAsync(Make("copy", "  MINSK is the best\n\nplace for talks,\tPeskov said. ", url: "https://other.example/9"));

        Assert.Equal(new SaveResult("wire", SaveOutcome.Duplicate, "same text"), copy);
        Assert.Equal(1, await store.CountAsync());
    }

    [SkippableFact]
    public async Task Text_that_differs_only_in_ignored_header_lines_is_one_article()
    {
        var store = await OpenAsync();
        const string Body = "Minsk is the best place for talks, Peskov said.";
        const string Header = "date 2025-03-05\n\n";
        await store.SaveAsync(Make("with-header", Header + Body, ignored: [new IgnoredJson(0, Header.Length, "header")]));

        var bare = await store.SaveAsync(Make("bare", Body));

        Assert.Equal(SaveOutcome.Duplicate, bare.Outcome);
        Assert.Equal("with-header", bare.Id);
    }

    [SkippableFact]
    public async Task Different_articles_with_one_id_are_both_kept_under_distinct_ids()
    {
        var store = await OpenAsync();
        var business = Make("001", "Shares rose sharply on Monday.");
        var sport = Make("001", "The match ended in a draw.");

        var first = await store.SaveAsync(business);
        var second = await store.SaveAsync(sport);

        Assert.Equal("001", first.Id);
        Assert.Equal($"001-{ArticleKeys.TextHash(sport)[..8]}", second.Id);
        Assert.True(second.IsNew);
        Assert.Equal("The match ended in a draw.", (await store.GetAsync(second.Id))!.Analysis.Text);
    }

    [SkippableFact]
    public async Task Lists_latest_first_with_undated_articles_last_and_pages()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Make("old", "Old news.", published: "2024-01-01"));
        await store.SaveAsync(Make("undated", "No date at all."));
        await store.SaveAsync(Make("new", "New news.", published: "2025-03-05"));
        await store.SaveAsync(Make("new-later", "Newer ingest, same day.", published: "2025-03-05"));

        var all = await store.ListAsync(10);
        var page = await store.ListAsync(2, offset: 1);

        Assert.Equal(["new-later", "new", "old", "undated"], all.Select(a => a.Id));
        Assert.Equal(["new", "old"], page.Select(a => a.Id));
        Assert.Equal(4, await store.CountAsync());
    }

    [SkippableFact]
    public async Task Search_ranks_the_article_about_the_query_first_and_highlights_every_match()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Make("about-minsk", Peskov, title: "Minsk offered for talks"));
        await store.SaveAsync(Make("mentions-minsk", "Farm output rose in spring. Grain prices fell across the region. " +
            "Exporters shipped wheat by rail, some of it through Minsk, to ports on the Baltic. Dairy output was flat."));
        await store.SaveAsync(Make("unrelated", "The match ended in a draw after extra time."));

        var hits = await store.SearchAsync("minsk", 10);

        Assert.Equal(["about-minsk", "mentions-minsk"], hits.Select(h => h.Article.Id));
        Assert.True(hits[0].Score > hits[1].Score);
        var matches = Snippets.Parts(hits[0].Snippet).Where(p => p.Match).Select(p => p.Text).ToList();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal("Minsk", m));
        Assert.Contains("best place", Snippets.Plain(hits[0].Snippet));
    }

    [SkippableFact]
    public async Task Search_matches_word_forms_phrases_alternatives_and_exclusions()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Make("peskov", Peskov));
        await store.SaveAsync(Make("places", "The best hotels in Minsk are in the old town, and the place to eat is near the river."));
        await store.SaveAsync(Make("zelensky", "Zelensky negotiated with partners in Kyiv."));

        Assert.Equal(["peskov"], (await store.SearchAsync("talk", 10)).Select(h => h.Article.Id));
        Assert.Equal(["zelensky"], (await store.SearchAsync("negotiating", 10)).Select(h => h.Article.Id));
        Assert.Equal(["peskov"], (await store.SearchAsync("\"best place\"", 10)).Select(h => h.Article.Id));
        Assert.Equal(["peskov", "zelensky"], (await store.SearchAsync("reporters or kyiv", 10)).Select(h => h.Article.Id).Order());
        Assert.Equal(["places"], (await store.SearchAsync("minsk -talks", 10)).Select(h => h.Article.Id));
        Assert.Single(await store.SearchAsync("minsk", 1));
    }

    [SkippableFact]
    public async Task Search_does_not_see_ignored_boilerplate()
    {
        var store = await OpenAsync();
        const string Notice = "Listen to this article with our AI narrator. ";
        await store.SaveAsync(Make("a", Notice + "Grain prices fell.", ignored: [new IgnoredJson(0, Notice.Length, "boilerplate: audio")]));

        Assert.Empty(await store.SearchAsync("narrator", 10));
        Assert.Single(await store.SearchAsync("grain", 10));
    }

    [SkippableTheory]
    [InlineData("\"unclosed phrase")]
    [InlineData("minsk AND (talks OR")]
    [InlineData("title:minsk NEAR(a b) * ^ - -- \"\"")]
    [InlineData("or or")]
    [InlineData("-minsk")]
    [InlineData("   ")]
    [InlineData("Peskov's \"main ally\" or 'ally'")]
    public async Task Search_input_is_never_a_syntax_error(string query)
    {
        var store = await OpenAsync();
        await store.SaveAsync(Make("peskov", Peskov));

        var hits = await store.SearchAsync(query, 10);

        Assert.All(hits, h => Assert.Equal("peskov", h.Article.Id));
    }

    [SkippableFact]
    public async Task Migrations_applied_again_are_no_ops_and_keep_the_data()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Make("a", "Some text."));
        var version = await store.SchemaVersionAsync();

        var again = await store.MigrateAsync();
        var reopened = await OpenAsync();

        Assert.Equal(0, again);
        Assert.Equal(0, await reopened.MigrateAsync());
        Assert.True(version >= 1);
        Assert.Equal(version, await reopened.SchemaVersionAsync());
        Assert.Equal(version, await CountRowsAsync("schema_version"));
        Assert.Equal(1, await reopened.CountAsync());
    }

    [SkippableFact]
    public async Task A_failing_migration_step_leaves_the_store_as_it_was_and_a_good_one_then_applies()
    {
        // Step 1 and a broken step 2 apply together in one transaction: step 2 fails after creating a table, so
        // neither step may leave anything, not even the version table's rows.
        var broken = Steps.Append(new Migration(Steps.Count + 1, "broken", "CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;")).ToList();
        await ScalarAsync("SELECT 1"); // reach the backend first, so a missing server skips here and not inside ThrowsAny

        await Assert.ThrowsAnyAsync<DbException>(() => OpenAsync(broken));

        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(TableCount("articles"))));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(TableCount("half_done"))));
        var store = await OpenAsync();
        Assert.Equal(Steps.Count, await store.SchemaVersionAsync());
        Assert.True((await store.SaveAsync(Make("a", "Some text."))).IsNew);
    }

    /// <summary>SQL counting tables of that name in the test's storage.</summary>
    protected abstract string TableCount(string table);

    [SkippableFact]
    public async Task A_store_with_a_newer_schema_is_refused_untouched()
    {
        var store = await OpenAsync();
        var version = await store.SchemaVersionAsync();
        await ScalarAsync($"INSERT INTO schema_version (version, name, applied_at) VALUES ({version + 1}, 'from_the_future', 'now')");

        var refused = await Assert.ThrowsAsync<StoreSchemaException>(() => OpenAsync());

        Assert.Contains("newer", refused.Message);
        Assert.Equal(version + 1, await CountRowsAsync("schema_version"));
    }

    [SkippableFact]
    public async Task Four_tasks_saving_at_once_store_every_article_exactly_once()
    {
        var first = await OpenAsync();
        var stores = new[] { first, await OpenAsync(), await OpenAsync(), await OpenAsync() };
        var shared = Enumerable.Range(0, 20).Select(i => Make($"shared-{i}", $"Shared report number {i} about the talks.")).ToList();

        var results = await Task.WhenAll(stores.Select((store, task) => Task.Run(async () =>
        {
            var own = Enumerable.Range(0, 10).Select(i => Make($"own-{task}-{i}", $"Task {task} report {i}."));
            // Each task meets the shared articles in another order, so the same article is often saved by two at once.
            var work = shared.OrderBy(a => (a.Id.GetHashCode(StringComparison.Ordinal) * (task + 1)) % 97).Concat(own).ToList();
            var outcomes = new List<SaveResult>();
            foreach (var article in work)
            {
                outcomes.Add(await store.SaveAsync(article));
            }

            return outcomes;
        })));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(20 + 40, await first.CountAsync());
        Assert.Equal(20 + 40, all.Count(r => r.IsNew));
        Assert.Equal(3 * 20, all.Count(r => r.Outcome == SaveOutcome.Duplicate));
        Assert.All(all.Where(r => r.Outcome == SaveOutcome.Duplicate), r => Assert.StartsWith("shared-", r.Id));
        Assert.Equal(20 + 40, await CountRowsAsync("articles"));
    }

    [SkippableFact]
    public async Task A_failure_in_the_middle_of_a_save_leaves_nothing_of_the_article()
    {
        var store = await OpenAsync();
        var text = Peskov;
        var good = Quote(text, "\"Minsk is the best place for us. It is our main ally,\"", "dmitry-peskov", "Dmitry Peskov");
        // The article row, its search entry and its entity rows go in before the quotes; the second quote breaks a
        // NOT NULL constraint, as a bug or a full disk would, after all of those are written.
        var broken = Make("broken", text, url: "https://example.org/broken", title: "Minsk",
            entities: [Mention(text, "Dmitry Peskov", "PERSON", "dmitry-peskov")],
            quotes: [good, good with { Text = null! }]);

        await Assert.ThrowsAnyAsync<DbException>(() => store.SaveAsync(broken));

        Assert.Null(await store.GetAsync("broken"));
        Assert.Equal(0, await store.CountAsync());
        Assert.Empty(await store.SearchAsync("minsk", 10));
        Assert.Equal(0, await CountRowsAsync("entity_mentions"));
        Assert.Equal(0, await CountRowsAsync("quotes"));
        // Nothing half-saved blocks the article: fixed, it saves as new.
        Assert.True((await store.SaveAsync(broken with { Quotes = [good] })).IsNew);
    }

    [SkippableFact]
    public async Task A_cancelled_save_leaves_nothing()
    {
        var store = await OpenAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(Make("a", "Some text."), cancelled.Token));

        Assert.Equal(0, await store.CountAsync());
    }

    [SkippableFact]
    public async Task Text_with_nul_characters_is_rejected_and_nothing_is_written()
    {
        var store = await OpenAsync();

        var result = await store.SaveAsync(Make("nul", "Binary\0junk."));

        Assert.Equal(SaveOutcome.Rejected, result.Outcome);
        Assert.Contains("NUL", result.Reason);
        Assert.Equal(0, await store.CountAsync());
    }

    [SkippableFact]
    public async Task Exports_quote_event_and_mention_rows_with_their_article_columns_in_ingest_order()
    {
        var store = await OpenAsync();
        var text = Peskov;
        await store.SaveAsync(Make("second-outlet", "Unrelated text.", published: "2025-03-06",
            quotes: [new QuoteJson(0, 9, "Unrelated", false, null, null, null, null, null, "test")]));
        await store.SaveAsync(Make("peskov", text, url: "https://example.org/p", outlet: "Kyiv Independent", published: "2025-03-05",
            quotes: [Quote(text, "\"Minsk is the best place for us. It is our main ally,\"", "dmitry-peskov", "Dmitry Peskov")],
            events: [Event(text, "Belarus offered to host the talks", "CONSULT", "belarus", "russia")],
            entities: [Mention(text, "Dmitry Peskov", "PERSON", "dmitry-peskov"), Mention(text, "Minsk", "LOCATION", "minsk")]));

        var quotes = await store.QuotesAsync().ToListAsync();
        var events = await store.EventsAsync().ToListAsync();
        var mentions = await store.EntityMentionsAsync().ToListAsync();

        Assert.Equal(["second-outlet", "peskov"], quotes.Select(q => q.Article));
        var quote = quotes[1];
        Assert.Equal(new DateOnly(2025, 3, 5), quote.Published);
        Assert.Equal(("Kyiv Independent", "https://example.org/p"), (quote.Outlet, quote.Url));
        Assert.Equal(("dmitry-peskov", "Dmitry Peskov", true), (quote.Speaker, quote.SpeakerName, quote.Direct));
        Assert.Equal(text[quote.Start..quote.End], quote.Text);
        var e = Assert.Single(events);
        Assert.Equal(("peskov", "2025-03-05", "CONSULT", "belarus", "russia", "minsk"), (e.Article, e.Date, e.Type, e.Actor, e.Target, e.Location));
        Assert.Equal("Belarus offered to host the talks in Minsk.", e.Sentence);
        Assert.Equal(["dmitry-peskov", "minsk"], mentions.Select(m => m.Entity));
        Assert.Equal("Minsk", mentions[1].Text);
        Assert.Equal(["second-outlet", "peskov"], await store.ArticlesAsync().Select(a => a.Summary.Id).ToListAsync());
    }
}
