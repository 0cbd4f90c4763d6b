using Storyline.Pipeline;
using Storyline.Text;

namespace Storyline.Events;

/// <summary>
/// The "events" stage: PLOVER events per clause with actor, target, location and date (<see cref="EventCoder"/>).
/// Uses the entity layer's ids when an earlier stage produced it; otherwise actor phrases come from general rules
/// (<see cref="ActorFinder"/>).
/// </summary>
public sealed class EventStage(EventCoder? coder = null) : IStage
{
    private readonly EventCoder _coder = coder ?? EventCoder.Default;

    public string Name => "events";

    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Times;

    public Layers Produces => Layers.Events;

    public Article Process(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article with { Events = _coder.Code(article, cancellationToken) };
    }
}
