using Storyline.Text;

namespace Storyline.Pipeline;

/// <summary>
/// One step of per-article analysis. A stage is a pure function of the article (and its own models): it reads the
/// layers it <see cref="Requires"/> and returns a copy of the article with the layers it <see cref="Produces"/>.
/// </summary>
public interface IStage
{
    string Name { get; }

    Layers Requires { get; }

    Layers Produces { get; }

    Article Process(Article article, CancellationToken cancellationToken);
}
