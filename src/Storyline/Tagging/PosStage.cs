using System.Buffers;
using System.Collections.Immutable;
using Storyline.Pipeline;
using Storyline.Text;
using Storyline.Tokens;

namespace Storyline.Tagging;

/// <summary>The "pos" stage: tags every token of every sentence with its UD UPOS tag (<see cref="Token.Pos"/>).</summary>
public sealed class PosStage(PosTagger? tagger = null) : IStage
{
    private readonly PosTagger tagger = tagger ?? PosTagger.Default;

    public string Name => "pos";

    public Layers Requires => Layers.Tokens | Layers.Sentences;

    public Layers Produces => Layers.PartsOfSpeech;

    public Article Process(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var tokens = article.Tokens;
        if (tokens.IsEmpty)
        {
            return article;
        }

        var spans = ArrayPool<TextSpan>.Shared.Rent(tokens.Length);
        var tags = ArrayPool<int>.Shared.Rent(tokens.Length);
        try
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                spans[i] = tokens[i].Span;
            }

            var tagged = ImmutableArray.CreateBuilder<Token>(tokens.Length);
            var covered = 0;
            foreach (var sentence in article.Sentences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Tokens outside every sentence (the invariants forbid them, but a stage must not lose tokens).
                for (; covered < sentence.FirstToken; covered++)
                {
                    tagged.Add(tokens[covered]);
                }

                var range = new Range(sentence.FirstToken, sentence.FirstToken + sentence.TokenCount);
                tagger.Tag(article.Text, spans.AsSpan(range), tags.AsSpan(range));
                for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
                {
                    tagged.Add(tokens[i] with { Pos = tagger.Tags[tags[i]] });
                }

                covered = sentence.FirstToken + sentence.TokenCount;
            }

            for (; covered < tokens.Length; covered++)
            {
                tagged.Add(tokens[covered]);
            }

            return article with { Tokens = tagged.MoveToImmutable() };
        }
        finally
        {
            ArrayPool<TextSpan>.Shared.Return(spans);
            ArrayPool<int>.Shared.Return(tags);
        }
    }
}
