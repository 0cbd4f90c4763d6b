using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Quotes;

/// <summary>The "quotes" stage: direct quotes and reported speech with cue, speaker mention, addressee and date words
/// (<see cref="QuoteFinder"/>), and each speaker mention's entity id (<see cref="SpeakerResolver"/>).</summary>
public sealed class QuoteStage : IStage
{
    public string Name => "quotes";

    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Entities;

    public Layers Produces => Layers.Quotes;

    public Article Process(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var quotes = QuoteFinder.Find(article.Text, article.ContentRegions(), cancellationToken);
        return article with { Quotes = SpeakerResolver.Resolve(article.Text, article.Entities, quotes) };
    }
}
