using System.Collections.Immutable;
using Storyline.Tagging;
using Storyline.Text;

namespace Storyline.Entities;

/// <summary>A typed name found by the recogniser: tokens [FirstToken, FirstToken + TokenCount).</summary>
public readonly record struct RecognizedName(int FirstToken, int TokenCount, string Type);

/// <summary>
/// Named-entity recogniser: BILOU labels over PERSON, ORGANIZATION, LOCATION, NORP, EVENT, OTHER from a greedy averaged
/// perceptron, trained by <c>storyline train ner</c> on the GMB news data. Thread-safe; labelling a sentence
/// allocates nothing.
/// </summary>
public sealed class EntityRecognizer
{
    public const string FileName = "ner.bin";
    public const string Kind = "ner";

    public static readonly ImmutableArray<string> Types = ["PERSON", "ORGANIZATION", "LOCATION", "NORP", "EVENT", "OTHER"];

    private static readonly Lazy<EntityRecognizer> Shared = new(() => Load(ModelDirectory.Path(FileName)));

    [ThreadStatic]
    private static (EntityRecognizer Owner, NerFeatures Features)? cache;

    public EntityRecognizer(LinearModel model, Gazetteer gazetteer, EntityNames? names = null, IReadOnlyDictionary<string, string>? info = null)
    {
        Model = model;
        Gazetteer = gazetteer;
        Names = names ?? EntityNames.Empty;
        Info = info ?? new Dictionary<string, string>();
    }

    public static EntityRecognizer Default => Shared.Value;

    /// <summary>"O", then "B-TYPE", "I-TYPE", "L-TYPE", "U-TYPE" for each of <see cref="Types"/>: BILOU (begin,
    /// inside, last, unit-length), which lets the model learn how names end as well as how they start (Ratinov and
    /// Roth 2009).</summary>
    public static ImmutableArray<string> BilouLabels { get; } =
        ["O", .. Types.SelectMany(t => new[] { "B-" + t, "I-" + t, "L-" + t, "U-" + t })];

    public LinearModel Model { get; }

    public Gazetteer Gazetteer { get; }

    /// <summary>Country aliases and demonyms, for entity identity.</summary>
    public EntityNames Names { get; }

    public IReadOnlyDictionary<string, string> Info { get; }

    public ImmutableArray<string> Labels => Model.Labels;

    public static EntityRecognizer Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"NER model not found at {path}; train it with 'storyline train ner'", path);
        }

        return FromFile(ModelFile.Load(path));
    }

    public static EntityRecognizer FromFile(ModelFile file)
    {
        if (file.Kind != Kind)
        {
            throw new InvalidDataException($"expected a '{Kind}' model, got '{file.Kind}'");
        }

        return new EntityRecognizer(
            file.ReadSection("weights", LinearModel.Read),
            file.ReadSection("gazetteer", Gazetteer.Read),
            file.ReadSection("names", EntityNames.Read),
            file.Info);
    }

    /// <summary>Labels one sentence with label indices into <see cref="Labels"/>. <paramref name="partsOfSpeech"/> are
    /// indices into <see cref="Upos.Tags"/>.</summary>
    /// <param name="memory">The document's memory (sentences must come in document order); it is updated with
    /// this sentence's labels. Null to label the sentence on its own.</param>
    public void Label(ReadOnlySpan<char> text, ReadOnlySpan<TextSpan> tokens, ReadOnlySpan<int> partsOfSpeech, Span<int> labels, EntityMemory? memory = null)
    {
        var f = Features();
        f.Prepare(text, tokens, partsOfSpeech, memory);
        SequenceDecoder.Greedy(Model, f, labels[..tokens.Length]);
        if (memory is not null)
        {
            f.Remember(labels[..tokens.Length], memory);
        }
    }

    /// <summary>The names in a BILOU (or BIO) labelling, in order. A name starts at B- or U- and runs over I- and L- of its
    /// type; L- and U- close it. A stray I- or L- starts a name, as the decoder never emits one.</summary>
    public void Decode(ReadOnlySpan<int> labels, List<RecognizedName> names)
    {
        var start = -1;
        var type = string.Empty;
        for (var i = 0; i <= labels.Length; i++)
        {
            var label = i < labels.Length ? Labels[labels[i]] : "O";
            var kind = label[0];
            var continues = kind is 'I' or 'L' && start >= 0 && label.AsSpan(2).SequenceEqual(type);
            if (!continues)
            {
                if (start >= 0)
                {
                    names.Add(new RecognizedName(start, i - start, type));
                    start = -1;
                }

                if (label.Length > 2)
                {
                    start = i;
                    type = TypeName(label);
                }
            }

            if (start >= 0 && kind is 'L' or 'U')
            {
                names.Add(new RecognizedName(start, i + 1 - start, type));
                start = -1;
            }
        }
    }

    private static string TypeName(string label)
    {
        foreach (var t in Types)
        {
            if (label.AsSpan(2).SequenceEqual(t))
            {
                return t;
            }
        }

        return label[2..];
    }

    internal NerFeatures Features()
    {
        if (cache is { } c && ReferenceEquals(c.Owner, this))
        {
            return c.Features;
        }

        var features = new NerFeatures(Labels, Gazetteer);
        cache = (this, features);
        return features;
    }
}
