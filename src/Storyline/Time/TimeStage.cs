using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Time;

/// <summary>
/// The "times" stage: tags temporal expressions in every sentence and normalises them against the article's
/// publication date. An article without one gets an inferred date (<see cref="PublicationDateInference"/>),
/// marked <see cref="PublishedFrom.Inferred"/>; with no basis for one, values keep their unknown parts.
/// </summary>
/// <param name="near">A date known to be close to the articles' (a story sibling's date), used only for a year.</param>
public sealed class TimeStage(DateOnly? near = null) : IStage
{
    public string Name => "times";

    public Layers Requires => Layers.Sentences | Layers.Tokens;

    public Layers Produces => Layers.Times;

    public Article Process(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        cancellationToken.ThrowIfCancellationRequested();
        var metadata = article.Metadata;
        if (metadata.Published is null)
        {
            var (date, _) = PublicationDateInference.Infer(article, near);
            if (date is { } d)
            {
                metadata = metadata with { Published = d, PublishedFrom = PublishedFrom.Inferred };
            }
        }

        var times = TimexTagger.Tag(article.Text, article.Sentences.Select(s => s.Span).ToList(), metadata.Published);
        return article with { Metadata = metadata, Times = times };
    }
}
