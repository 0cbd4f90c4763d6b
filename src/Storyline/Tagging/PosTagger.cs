using System.Buffers;
using System.Collections.Immutable;
using Storyline.Text;

namespace Storyline.Tagging;

/// <summary>
/// Universal Dependencies part-of-speech tagger (UPOS): a greedy averaged perceptron over hashed features, trained
/// by <c>storyline train pos</c> on UD English-EWT. Thread-safe; tagging a sentence allocates nothing.
/// </summary>
public sealed class PosTagger
{
    public const string FileName = "pos.bin";
    public const string Kind = "pos";

    private static readonly Lazy<PosTagger> Shared = new(() => Load(ModelDirectory.Path(FileName)));

    [ThreadStatic]
    private static PosFeatures? features;

    public PosTagger(LinearModel model, KeyTable lexicon, LinearModel? secondPass = null, IReadOnlyDictionary<string, string>? info = null)
    {
        Model = model;
        SecondPass = secondPass;
        Lexicon = lexicon;
        Info = info ?? new Dictionary<string, string>();
    }

    /// <summary>The committed model (models/pos.bin beside the assemblies), loaded once.</summary>
    public static PosTagger Default => Shared.Value;

    /// <summary>The first, left-to-right pass.</summary>
    public LinearModel Model { get; }

    /// <summary>The second pass, which also sees the first pass's tags to the right; null for a one-pass tagger.</summary>
    public LinearModel? SecondPass { get; }

    /// <summary>Word (lowercase hash) → bit set of the tags it had in training.</summary>
    public KeyTable Lexicon { get; }

    /// <summary>How the model was trained (data hash, command, seed, scores), as recorded in its file.</summary>
    public IReadOnlyDictionary<string, string> Info { get; }

    /// <summary>The tag set (UD UPOS); <see cref="Tag"/> writes indices into it.</summary>
    public ImmutableArray<string> Tags => Model.Labels;

    public static PosTagger Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"POS model not found at {path}; train it with 'storyline train pos'", path);
        }

        return FromFile(ModelFile.Load(path));
    }

    public static PosTagger FromFile(ModelFile file)
    {
        if (file.Kind != Kind)
        {
            throw new InvalidDataException($"expected a '{Kind}' model, got '{file.Kind}'");
        }

        return new PosTagger(
            file.ReadSection("weights", LinearModel.Read),
            file.ReadSection("lexicon", KeyTable.Read),
            file.Sections.ContainsKey("weights2") ? file.ReadSection("weights2", LinearModel.Read) : null,
            file.Info);
    }

    /// <summary>Tags one sentence: <paramref name="tokens"/> are spans into <paramref name="text"/>;
    /// <paramref name="tags"/> receives an index into <see cref="Tags"/> per token.</summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, Span<int> tags)
    {
        if (tags.Length < tokens.Length)
        {
            throw new ArgumentException("tags must have room for every token", nameof(tags));
        }

        var f = features ??= new PosFeatures();
        f.Prepare(text, tokens, Lexicon);
        SequenceDecoder.Greedy(Model, f, tags[..tokens.Length]);
        if (SecondPass is not null)
        {
            f.SetFirstPass(tags[..tokens.Length]);
            SequenceDecoder.Greedy(SecondPass, f, tags[..tokens.Length]);
        }
    }

    /// <summary>Tags one sentence and returns the tag names (convenience for callers that are not hot paths).</summary>
    public string[] Tag(string text, ReadOnlySpan<TextSpan> tokens)
    {
        var buffer = ArrayPool<int>.Shared.Rent(Math.Max(1, tokens.Length));
        try
        {
            Tag(text.AsSpan(), tokens, buffer);
            var result = new string[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                result[i] = Tags[buffer[i]];
            }

            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }
}
