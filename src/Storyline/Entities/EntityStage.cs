using System.Buffers;
using System.Collections.Frozen;
using Storyline.Pipeline;
using Storyline.Tagging;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>
/// The "entities" stage: recognises names sentence by sentence (with the document's memory of earlier sentences),
/// adds the recurrences of the names it found (<see cref="NamePropagation"/>), then gives each mention its entity id
/// with <see cref="EntityLinker"/>.
/// </summary>
public sealed class EntityStage(EntityRecognizer? recognizer = null) : IStage
{
    private static readonly FrozenDictionary<string, int> UposIndex =
        Upos.Tags.Select((t, i) => (t, i)).ToFrozenDictionary(p => p.t, p => p.i, StringComparer.Ordinal);

    private readonly EntityRecognizer recognizer = recognizer ?? EntityRecognizer.Default;

    public string Name => "entities";

    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.PartsOfSpeech;

    public Layers Produces => Layers.Entities;

    private static bool IsConnective(ReadOnlySpan<char> word) =>
        word is "and" or "of" or "the" or "for" or "in" or "on" or "&" or "or";

    public Article Process(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var tokens = article.Tokens;
        if (tokens.IsEmpty)
        {
            return article;
        }

        var spans = ArrayPool<TextSpan>.Shared.Rent(tokens.Length);
        var pos = ArrayPool<int>.Shared.Rent(tokens.Length);
        var labels = ArrayPool<int>.Shared.Rent(tokens.Length);
        try
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                spans[i] = tokens[i].Span;
                pos[i] = tokens[i].Pos is { } tag && UposIndex.TryGetValue(tag, out var index) ? index : Upos.X;
            }

            var memory = new EntityMemory();
            var names = new List<NameMention>();
            var found = new List<RecognizedName>();
            foreach (var sentence in article.Sentences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var range = new Range(sentence.FirstToken, sentence.FirstToken + sentence.TokenCount);
                recognizer.Label(article.Text, spans.AsSpan(range), pos.AsSpan(range), labels.AsSpan(range), memory);
                found.Clear();
                recognizer.Decode(labels.AsSpan(range), found);
                foreach (var name in found)
                {
                    var first = sentence.FirstToken + name.FirstToken;
                    var end = first + name.TokenCount;
                    // A name never ends on punctuation or a connective ("Oval Office and" in a seed article).
                    while (end > first + 1 && (tokens[end - 1].Kind is Tokens.TokenKind.Punctuation || IsConnective(article.Slice(tokens[end - 1].Span))))
                    {
                        end--;
                    }

                    names.Add(new NameMention(first, end, name.Type));
                }
            }

            // The second pass only propagates PERSON names: without one there is nothing to do (and no word strings
            // to allocate).
            if (names.Exists(n => n.Type == "PERSON"))
            {
                var words = new string[tokens.Length];
                for (var i = 0; i < tokens.Length; i++)
                {
                    words[i] = article.Text[tokens[i].Span.Start..tokens[i].Span.End];
                }

                var initial = new bool[tokens.Length];
                foreach (var sentence in article.Sentences)
                {
                    NamePropagation.MarkSentenceInitial(words, sentence.FirstToken, sentence.TokenCount, initial);
                }

                NamePropagation.Propagate(words, pos.AsSpan(0, tokens.Length), initial, names);
            }

            var mentions = EntityLinker.Link(article.Text, tokens, names, recognizer.Names, recognizer.Gazetteer.IsPlace);
            return article with { Entities = [.. mentions] };
        }
        finally
        {
            ArrayPool<TextSpan>.Shared.Return(spans);
            ArrayPool<int>.Shared.Return(pos);
            ArrayPool<int>.Shared.Return(labels);
        }
    }
}
