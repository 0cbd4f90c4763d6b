using System.Runtime.InteropServices;
using Storyline.Pipeline;
using Storyline.Text;
using Storyline.Tokens;

namespace Storyline.Sentences;

/// <summary>
/// The "sentences" stage: tokenizes each content region of the article (never ignored text) with
/// <see cref="NewsTokenizer"/> and splits each region into sentences with <see cref="SentenceSplitter"/>, so a
/// sentence never crosses a region boundary.
/// </summary>
public sealed class SentenceStage(SentenceSplitterOptions? options = null) : IStage
{
    private readonly SentenceSplitterOptions _options = options ?? SentenceSplitterOptions.Default;

    public string Name => "sentences";

    public Layers Requires => Layers.Text | Layers.Ignored;

    public Layers Produces => Layers.Tokens | Layers.Sentences;

    public Article Process(Article article, CancellationToken cancellationToken) => Process(article, rules: null, cancellationToken);

    /// <summary>As <see cref="Process(Article, CancellationToken)"/>, also recording which rule ended each sentence
    /// (one entry per sentence, in order), for evaluation and debugging.</summary>
    public Article Process(Article article, List<SentenceBoundaryRule>? rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = article.Text;
        var tokens = new List<Token>(text.Length / 5 + 1);
        var sentences = new List<Sentence>(text.Length / 100 + 1);
        foreach (var region in article.ContentRegions())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var first = tokens.Count;
            NewsTokenizer.Tokenize(text, region, tokens);
            var regionTokens = CollectionsMarshal.AsSpan(tokens)[first..];
            SentenceSplitter.Split(text, regionTokens, first, sentences, rules, _options);
        }

        return article with { Tokens = [.. tokens], Sentences = [.. sentences] };
    }
}
