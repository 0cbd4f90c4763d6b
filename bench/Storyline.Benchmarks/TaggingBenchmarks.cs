using BenchmarkDotNet.Attributes;
using Storyline.Entities;
using Storyline.Sentences;
using Storyline.Tagging;
using Storyline.Text;

namespace Storyline.Benchmarks;

/// <summary>
/// POS tagging and entity recognition alone, over the sentences of the first 200 BBC articles (tokenized and split
/// before measuring). One operation tags every sentence once; divide the token count printed in the setup by the
/// mean time for tokens per second. Allocated should be 0 B: the hot loop must not allocate.
/// </summary>
[MemoryDiagnoser]
public class TaggingBenchmarks
{
    private (string Text, TextSpan[] Tokens)[] _sentences = null!;
    private int[][] _tags = null!;
    private int[] _labels = null!;
    private readonly EntityMemory _memory = new();
    private PosTagger _tagger = null!;
    private EntityRecognizer _recognizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var stage = new SentenceStage();
        var sentences = new List<(string, TextSpan[])>();
        foreach (var article in Corpus.Articles.Take(200))
        {
            var split = stage.Process(article, CancellationToken.None);
            foreach (var sentence in split.Sentences)
            {
                var spans = new TextSpan[sentence.TokenCount];
                for (var i = 0; i < spans.Length; i++)
                {
                    spans[i] = split.Tokens[sentence.FirstToken + i].Span;
                }

                sentences.Add((split.Text, spans));
            }
        }

        _sentences = [.. sentences];
        _tags = _sentences.Select(s => new int[s.Tokens.Length]).ToArray();
        _labels = new int[_sentences.Max(s => s.Tokens.Length)];
        _tagger = PosTagger.Default;
        _recognizer = EntityRecognizer.Default;
        PosAndNer();
        Console.WriteLine($"// {_sentences.Length:N0} sentences, {_sentences.Sum(s => s.Tokens.Length):N0} tokens per operation");
    }

    [Benchmark]
    public int Pos()
    {
        for (var i = 0; i < _sentences.Length; i++)
        {
            _tagger.Tag(_sentences[i].Text, _sentences[i].Tokens, _tags[i]);
        }

        return _tags.Length;
    }

    /// <summary>Entity recognition on the tags of the last <see cref="Pos"/> run.</summary>
    [Benchmark]
    public int Ner()
    {
        _memory.Clear();
        for (var i = 0; i < _sentences.Length; i++)
        {
            _recognizer.Label(_sentences[i].Text, _sentences[i].Tokens, _tags[i], _labels, _memory);
        }

        return _labels[0];
    }

    [Benchmark]
    public int PosAndNer()
    {
        _memory.Clear();
        for (var i = 0; i < _sentences.Length; i++)
        {
            _tagger.Tag(_sentences[i].Text, _sentences[i].Tokens, _tags[i]);
            _recognizer.Label(_sentences[i].Text, _sentences[i].Tokens, _tags[i], _labels, _memory);
        }

        return _labels[0];
    }
}
