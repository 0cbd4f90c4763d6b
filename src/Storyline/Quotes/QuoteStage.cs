using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Quotes;

/// <summary>The "quotes" stage: direct quotes and reported speech with cue, speaker mention, addressee and date words
/// (<see cref="QuoteFinder"/>).</summary>
public sealed class QuoteStage : IStage
{
    public string Name => "quotes";

    public Layers Requires => Layers.Tokens | Layers.Sentences;

    public Layers Produces => Layers.Quotes;

    public Article Process(Article article, CancellationToken cancellationToken) =>
        article with { Quotes = QuoteFinder.Find(article.Text, article.ContentRegions(), cancellationToken) };
}
