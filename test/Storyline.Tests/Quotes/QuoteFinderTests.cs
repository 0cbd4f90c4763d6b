using Storyline.Entities;
using Storyline.Pipeline;
using Storyline.Quotes;
using Storyline.Sentences;
using Storyline.Tagging;
using Storyline.Text;

namespace Storyline.Tests.Quotes;

public class QuoteFinderTests
{
    /// <summary>Runs the stages the quote stage needs, then it, checking the invariants after each.</summary>
    internal static Article Analyse(string text)
    {
        var article = new Article { Id = "t", Text = text, Metadata = new ArticleMetadata { Source = "test" } };
        return AnalysisPipeline.Build(new SentenceStage(), new PosStage(), new EntityStage(), new QuoteStage())
            .Run(article, (stage, output) => Assert.Empty(ArticleInvariants.Check(output)));
    }

    private static string? Surface(Article a, TextSpan? span) => span is { } s ? a.Text[s.Start..s.End] : null;

    private static Quote Only(Article a, bool direct) => Assert.Single(a.Quotes, q => q.Direct == direct);

    [Theory]
    // text, the direct quote, its speaker mention, its cue
    [InlineData("\"Minsk is our ally,\" he told reporters.", "\"Minsk is our ally,\"", "he", "told")]
    [InlineData("“Minsk is our ally,” Peskov said.", "“Minsk is our ally,”", "Peskov", "said")]
    [InlineData("“Minsk is our ally,” said Kremlin spokesman Dmitry Peskov.", "“Minsk is our ally,”", "Dmitry Peskov", "said")]
    [InlineData("“Minsk is our ally,” Peskov, the Kremlin spokesman, said on Tuesday.", "“Minsk is our ally,”", "Peskov", "said")]
    [InlineData("Peskov said: “Minsk is our ally.”", "“Minsk is our ally.”", "Peskov", "said")]
    [InlineData("But the 70-year-old president went on: “We are going to sit down.”", "“We are going to sit down.”", "the 70-year-old president", "went on")]
    [InlineData("He added, “We will not give up on the talks.”", "“We will not give up on the talks.”", "He", "added")]
    [InlineData("“Is this the end?” she asked.", "“Is this the end?”", "she", "asked")]
    [InlineData("“The talks are over,” the Kremlin said.", "“The talks are over,”", "the Kremlin", "said")]
    [InlineData("“Stocks fell sharply today,” Interfax reported.", "“Stocks fell sharply today,”", "Interfax", "reported")]
    [InlineData("“We’re going to win this election,” political scientist Jane Doe told Bloomberg.", "“We’re going to win this election,”", "Jane Doe", "told")]
    [InlineData("''We finally may be seeing some wage growth,'' Mr. Smith said.", "''We finally may be seeing some wage growth,''", "Mr. Smith", "said")]
    public void Finds_a_direct_quote_with_its_speaker_and_cue(string text, string quote, string speaker, string cue)
    {
        var article = Analyse(text);

        var q = Only(article, direct: true);
        Assert.Equal(quote, Surface(article, q.Span));
        Assert.Equal(speaker, Surface(article, q.SpeakerSpan));
        Assert.Equal(cue, q.Cue);
        // Every speaker here is named: an id, when the recogniser found the name, is that name's entity.
        Assert.True(q.Speaker is null || article.Entities.Any(e => e.Entity == q.Speaker && e.Span.Overlaps(q.SpeakerSpan!.Value)), q.Speaker);
    }

    [Theory]
    // text, the direct quote's first words, its speaker mention, the rule that found it (PolNeAR shapes)
    [InlineData("“It’s an invasion of the state domain,” Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing over the rules, said.", "“It’s an invasion", "Scott Pruitt", "speaker/appositive-subject-after-quote")]
    [InlineData("“October provided a resurgence for her,” said former Obama adviser David Axelrod.", "“October", "David Axelrod", "speaker/cue-after-quote")]
    [InlineData("“This is a waste of time,” said Del. Stacey Plaskett of the Virgin Islands.", "“This is", "Del. Stacey Plaskett", "speaker/cue-after-quote")]
    [InlineData("“No sympathy, no preparedness, a real fiasco.” ― Oscar P. Quintero", "“No sympathy", "Oscar P. Quintero", "speaker/signature-after-quote")]
    [InlineData("”Fear. I am truly afraid of what comes next.” ― Edwin G. Monroy", "”Fear.", "Edwin G. Monroy", "speaker/signature-after-quote")]
    [InlineData("Alex Castellanos, a veteran media consultant who earlier in the season had tried to organize a campaign, said, “A fantasy effort to stop him is over.”", "“A fantasy", "Alex Castellanos", "speaker/cue-before-quote")]
    [InlineData("When asked whom she supported, Ms. Sherry smiled and said, “I am waiting for Michael Bloomberg to get in.”", "“I am waiting", "Ms. Sherry", "speaker/cue-before-quote")]
    [InlineData("According to Limbaugh, “If it was left up to Hillary, she would not have time to say anything.”", "“If it was", "Limbaugh", "speaker/cue-before-quote")]
    [InlineData("It did not work out that way, Mr. Turry said. “We were going to live in a palace at the Copacabana.”", "“We were going", "Mr. Turry", "speaker/previous-sentence")]
    [InlineData("“Most of the complexity comes from trying to measure” income, he said, rather than from deductions.", "“Most of", "he", "speaker/tail-after-quote")]
    [InlineData("It named what the nominee would mean for women in the workplace: “Her fight has opened the door for women,” the union wrote.", "“Her fight", "the union", "speaker/subject-after-quote")]
    [InlineData("''I said, 'The lesson is that our enemies will exploit it,''' he recalled.", "''I said", "he", "speaker/subject-after-quote")]
    public void Finds_the_speaker_in_the_shapes_news_copy_uses(string text, string start, string speaker, string by)
    {
        var article = Analyse(text);

        var q = Assert.Single(article.Quotes, q => q.Direct && text.AsSpan(q.Span.Start).StartsWith(start, StringComparison.Ordinal));
        Assert.Equal(speaker, Surface(article, q.SpeakerSpan));
        Assert.Equal(by, q.By.Split('+')[0]);
    }

    [Fact]
    public void Keeps_both_halves_of_a_split_quote_as_one_attribution()
    {
        var article = Analyse("“Minsk is the best place for us,” Peskov said, “it is our main ally.”");

        var quotes = article.Quotes.Where(q => q.Direct).ToList();
        Assert.Equal(["“Minsk is the best place for us,”", "“it is our main ally.”"], quotes.Select(q => Surface(article, q.Span)));
        Assert.All(quotes, q => Assert.Equal("Peskov", Surface(article, q.SpeakerSpan)));
        Assert.Single(quotes.Select(q => q.CueSpan).Distinct());
    }

    [Fact]
    public void A_quote_left_open_at_a_paragraph_end_continues_in_the_next_paragraph_that_opens_with_a_mark()
    {
        var article = Analyse("“We are ready to talk. We have always been ready.\n\n“But nobody has called us yet,” Peskov said.");

        var quotes = article.Quotes.Where(q => q.Direct).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.Equal("“We are ready to talk. We have always been ready.", Surface(article, quotes[0].Span));
        Assert.All(quotes, q => Assert.Equal("Peskov", Surface(article, q.SpeakerSpan)));
        Assert.Equal(quotes[0].CueSpan, quotes[1].CueSpan);
    }

    [Fact]
    public void A_continuation_quote_in_the_next_paragraph_inherits_the_speaker()
    {
        var article = Analyse("“Trump is a good guy,” Lukashenko said.\n“It seems to me that his only policy is to end the war.”");

        var quotes = article.Quotes.Where(q => q.Direct).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Lukashenko", Surface(article, quotes[1].SpeakerSpan));
        Assert.Equal("speaker/continuation-next-paragraph", quotes[1].By.Split('+')[0]);
    }

    [Fact]
    public void A_nested_quote_stays_inside_its_quote()
    {
        var article = Analyse("“He told me ‘never again,’ and I believed him,” Jones said.");

        var q = Only(article, direct: true);
        Assert.Equal("“He told me ‘never again,’ and I believed him,”", Surface(article, q.Span));
        Assert.Equal("Jones", Surface(article, q.SpeakerSpan));
    }

    [Theory]
    [InlineData("The so-called “experts” disagree with the plan.")]
    [InlineData("“Orange is the New Black” star Dascha Polanco spoke about her role.")]
    [InlineData("He said the plan was “dead on arrival” in Congress.")]
    [InlineData("Spokeswoman Haley Morris says the candidate has “always run a lean campaign and will do so.”")]
    public void Scare_quotes_titles_and_partial_quotes_are_not_direct_quotes(string text)
    {
        var article = Analyse(text);

        Assert.DoesNotContain(article.Quotes, q => q.Direct);
    }

    [Fact]
    public void A_short_quote_is_a_statement_when_a_cue_says_so()
    {
        var article = Analyse("“Denver,” he answered.");

        Assert.Equal("he", Surface(article, Only(article, direct: true).SpeakerSpan));
    }

    [Theory]
    // text, reported content, speaker mention, rule
    [InlineData("Kremlin spokesman Dmitry Peskov said the idea of talks in Belarus had not been brought up.",
        "the idea of talks in Belarus had not been brought up", "Dmitry Peskov", "reported/cue-then-clause")]
    [InlineData("According to Peskov, the Kremlin is positive about the proposal.",
        "the Kremlin is positive about the proposal", "Peskov", "reported/according-to")]
    [InlineData("The campaign avoided the emergency room on Sunday, a source said.",
        "The campaign avoided the emergency room on Sunday", "a source", "reported/clause-then-cue")]
    [InlineData("The New York Post reports that the team avoided taking her to the hospital.",
        "that the team avoided taking her to the hospital", "The New York Post", "reported/cue-then-clause")]
    public void Finds_reported_speech_with_its_speaker(string text, string content, string speaker, string by)
    {
        var article = Analyse(text);

        var q = Only(article, direct: false);
        Assert.Equal(content, Surface(article, q.Span));
        Assert.Equal(speaker, Surface(article, q.SpeakerSpan));
        Assert.Equal(by, q.By.Split('+')[0]);
    }

    [Theory]
    // text, addressee or medium, date words
    [InlineData("“Minsk is our ally,” he told reporters.", "reporters", null)]
    [InlineData("Minsk could be the best place for talks, Kremlin spokesperson Dmitry Peskov told the Russian news agency Interfax on March 5.", "the Russian news agency Interfax", "on March 5")]
    [InlineData("“Tell Trump that I expect him here,” Lukashenko said in a video interview with US blogger Mario Nawfal.", "US blogger Mario Nawfal", null)]
    [InlineData("“We stand ready,” Zelensky said in a video address on Tuesday.", "a video address", "on Tuesday")]
    public void Finds_the_addressee_or_medium_and_the_date_words(string text, string addressee, string? date)
    {
        var article = Analyse(text);

        var q = Assert.Single(article.Quotes);
        Assert.Equal(addressee, Surface(article, q.AddresseeSpan));
        Assert.Equal(date, Surface(article, q.DateSpan));
    }

    [Fact]
    public void Finds_nothing_in_ignored_text()
    {
        const string text = "“This audio is created with AI assistance,” the site said.\n“Minsk is our ally,” Peskov said.";
        var article = new Article
        {
            Id = "t", Text = text, Metadata = new ArticleMetadata { Source = "test" },
            Ignored = [new IgnoredSpan(new TextSpan(0, text.IndexOf('\n', StringComparison.Ordinal)), "boilerplate")],
        };

        var quotes = new QuoteStage().Process(article, CancellationToken.None).Quotes;

        Assert.Equal("Peskov", Surface(article, Assert.Single(quotes).SpeakerSpan));
    }
}
