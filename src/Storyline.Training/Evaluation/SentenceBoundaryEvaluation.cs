using System.Text;
using Storyline.Sentences;
using Storyline.Text;
using Storyline.Training.Corpora;

namespace Storyline.Training.Evaluation;

/// <summary>Counts of boundary decisions and the figures derived from them.</summary>
public sealed record BoundaryScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A document to score: its text, the gold sentence end offsets, and which of them come free with the
/// layout (the ends of paragraphs and of the document: every splitter gets them right).</summary>
public sealed record BoundaryDocument(string Id, string Text, IReadOnlyList<int> GoldEnds, IReadOnlySet<int> LayoutEnds);

/// <summary>One wrong boundary: predicted but not gold (<c>Spurious</c>) or gold but not predicted (<c>Missed</c>).</summary>
public sealed record BoundaryError(string DocumentId, int Offset, bool Spurious, string Context);

/// <summary>
/// The scores of a splitter on a set of documents. <see cref="All"/> counts every sentence end;
/// <see cref="WithinParagraphs"/> leaves out the ends that the layout gives away (paragraph and document ends)
/// and is the headline figure: it measures the decisions a splitter actually has to make.
/// </summary>
/// <see cref="ByRule"/> counts, for each rule that ended a predicted sentence, how many of its boundaries were
/// right and how many spurious.
public sealed record SentenceBoundaryResult(
    string Name, int Documents, int GoldSentences, BoundaryScore All, BoundaryScore WithinParagraphs,
    IReadOnlyDictionary<SentenceBoundaryRule, (int Right, int Spurious)> ByRule, IReadOnlyList<BoundaryError> Errors);

/// <summary>How the EWT documents are laid out as text (to measure the line-break rule).</summary>
public enum EwtLayout
{
    /// <summary>Sentences of a paragraph joined by a space, paragraphs by a blank line (the default).</summary>
    BlankLineParagraphs,

    /// <summary>Paragraphs joined by a single line break, as in line-per-paragraph text.</summary>
    LinePerParagraph,

    /// <summary>Blank-line paragraphs whose lines are wrapped at 72 columns, as in e-mail and plain-text news.</summary>
    HardWrapped,
}

/// <summary>
/// Sentence-boundary precision, recall and F1 of the <see cref="SentenceStage"/> on (a) UD English EWT, with each
/// document's text rebuilt from its <c># text</c> lines, and (b) the GMB dev slice (the last 10% of sentences),
/// detokenised into natural text and grouped into documents of <see cref="GmbSentencesPerDocument"/> consecutive
/// sentences joined by single spaces. A predicted boundary is right when a gold sentence ends at the same offset.
/// </summary>
public static class SentenceBoundaryEvaluation
{
    public const int GmbSentencesPerDocument = 20;

    private const int WrapColumn = 72;

    /// <summary>EWT documents from a CoNLL-U file: sentences of a paragraph joined by one space, paragraphs by the
    /// layout's separator.</summary>
    public static IReadOnlyList<BoundaryDocument> EwtDocuments(IEnumerable<ConlluSentence> sentences, EwtLayout layout = EwtLayout.BlankLineParagraphs)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var documents = new List<BoundaryDocument>();
        var text = new StringBuilder();
        var ends = new List<int>();
        var layoutEnds = new HashSet<int>();
        string? documentId = null, paragraphId = null;

        void Flush()
        {
            if (documentId is not null && ends.Count > 0)
            {
                layoutEnds.Add(ends[^1]);
                var built = layout == EwtLayout.HardWrapped ? Wrap(text) : text.ToString();
                documents.Add(new BoundaryDocument(documentId, built, [.. ends], new HashSet<int>(layoutEnds)));
            }

            text.Clear();
            ends.Clear();
            layoutEnds.Clear();
        }

        foreach (var sentence in sentences)
        {
            if (sentence.DocumentId != documentId)
            {
                Flush();
                documentId = sentence.DocumentId;
                paragraphId = null;
            }

            var sentenceText = SentenceText(sentence);
            if (sentenceText.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                if (sentence.ParagraphId != paragraphId)
                {
                    layoutEnds.Add(ends[^1]);
                    text.Append(layout == EwtLayout.LinePerParagraph ? "\n" : "\n\n");
                }
                else
                {
                    text.Append(' ');
                }
            }

            paragraphId = sentence.ParagraphId;
            text.Append(sentenceText);
            ends.Add(text.Length);
        }

        Flush();

        if (layout == EwtLayout.LinePerParagraph)
        {
            // With single line breaks the paragraph ends are no longer given away; only document ends are.
            return [.. documents.Select(d => d with { LayoutEnds = new HashSet<int> { d.GoldEnds[^1] } })];
        }

        return documents;
    }

    /// <summary>GMB documents of <paramref name="sentencesPerDocument"/> consecutive sentences, each detokenised and
    /// joined to the next by one space.</summary>
    public static IReadOnlyList<BoundaryDocument> GmbDocuments(IReadOnlyList<GmbSentence> sentences, int sentencesPerDocument = GmbSentencesPerDocument)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfLessThan(sentencesPerDocument, 1);
        var documents = new List<BoundaryDocument>();
        var detokenizer = new GmbDetokenizer();
        for (var startIndex = 0; startIndex < sentences.Count; startIndex += sentencesPerDocument)
        {
            detokenizer.Reset();
            var text = new StringBuilder();
            var ends = new List<int>();
            foreach (var sentence in sentences.Skip(startIndex).Take(sentencesPerDocument))
            {
                var sentenceText = detokenizer.Detokenize([.. sentence.Tokens.Select(t => t.Word)]).Trim();
                if (sentenceText.Length == 0)
                {
                    continue;
                }

                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(sentenceText);
                ends.Add(text.Length);
            }

            if (ends.Count > 0)
            {
                var id = $"gmb-{sentences[startIndex].Number}";
                documents.Add(new BoundaryDocument(id, text.ToString(), ends, new HashSet<int> { ends[^1] }));
            }
        }

        return documents;
    }

    /// <summary>Runs the sentence stage on every document and scores its sentence ends against the gold ends.</summary>
    public static SentenceBoundaryResult Score(
        string name, IReadOnlyList<BoundaryDocument> documents, SentenceSplitterOptions? options = null, int keepErrors = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var stage = new SentenceStage(options);
        int tp = 0, fp = 0, fn = 0, tpIn = 0, fpIn = 0, fnIn = 0, gold = 0;
        var errors = new List<BoundaryError>();
        var rules = new List<SentenceBoundaryRule>();
        var byRule = new SortedDictionary<SentenceBoundaryRule, (int Right, int Spurious)>();
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var article = new Article
            {
                Id = document.Id,
                Text = document.Text,
                Metadata = new ArticleMetadata { Source = document.Id },
            };
            rules.Clear();
            var analysed = stage.Process(article, rules, cancellationToken);
            var predicted = analysed.Sentences.Select(s => s.Span.End).ToHashSet();
            var goldEnds = document.GoldEnds.ToHashSet();
            gold += goldEnds.Count;
            for (var i = 0; i < rules.Count; i++)
            {
                var (right, spurious) = byRule.GetValueOrDefault(rules[i]);
                byRule[rules[i]] = goldEnds.Contains(analysed.Sentences[i].Span.End) ? (right + 1, spurious) : (right, spurious + 1);
            }

            foreach (var end in predicted)
            {
                var right = goldEnds.Contains(end);
                var inside = !document.LayoutEnds.Contains(end);
                if (right)
                {
                    tp++;
                    tpIn += inside ? 1 : 0;
                }
                else
                {
                    fp++;
                    fpIn += inside ? 1 : 0;
                    AddError(errors, keepErrors, document, end, spurious: true);
                }
            }

            foreach (var end in goldEnds)
            {
                if (!predicted.Contains(end))
                {
                    fn++;
                    fnIn += document.LayoutEnds.Contains(end) ? 0 : 1;
                    AddError(errors, keepErrors, document, end, spurious: false);
                }
            }
        }

        return new SentenceBoundaryResult(
            name, documents.Count, gold, new BoundaryScore(tp, fp, fn), new BoundaryScore(tpIn, fpIn, fnIn), byRule, errors);
    }

    /// <summary>EWT dev (or any CoNLL-U file) scored with the default layout.</summary>
    public static SentenceBoundaryResult ScoreEwt(
        string conlluPath, EwtLayout layout = EwtLayout.BlankLineParagraphs, SentenceSplitterOptions? options = null, int keepErrors = 0)
    {
        var documents = EwtDocuments(ConlluReader.Read(conlluPath), layout);
        var name = layout switch
        {
            EwtLayout.LinePerParagraph => "UD EWT dev, line per paragraph",
            EwtLayout.HardWrapped => "UD EWT dev, wrapped at 72",
            _ => "UD EWT dev",
        };
        return Score(name, documents, options, keepErrors);
    }

    /// <summary>The GMB dev slice (the last 10% of the CSV's sentences).</summary>
    public static SentenceBoundaryResult ScoreGmbDev(string csvPath, SentenceSplitterOptions? options = null, int keepErrors = 0)
    {
        var (_, dev) = GmbReader.Split(GmbReader.ReadAll(csvPath));
        return Score("GMB dev (last 10%)", GmbDocuments(dev), options, keepErrors);
    }

    /// <summary>The GMB train split (the first 90%): where rules are designed, so the dev figure stays honest.</summary>
    public static SentenceBoundaryResult ScoreGmbTrain(string csvPath, SentenceSplitterOptions? options = null, int keepErrors = 0)
    {
        var (train, _) = GmbReader.Split(GmbReader.ReadAll(csvPath));
        return Score("GMB train (first 90%)", GmbDocuments(train), options, keepErrors);
    }

    private static string SentenceText(ConlluSentence sentence)
    {
        if (sentence.Text.Length > 0)
        {
            return sentence.Text.Trim();
        }

        var rebuilt = new StringBuilder();
        foreach (var word in sentence.Words)
        {
            rebuilt.Append(word.Form);
            if (word.SpaceAfter)
            {
                rebuilt.Append(' ');
            }
        }

        return rebuilt.ToString().Trim();
    }

    /// <summary>Replaces the last space before column 72 of each line by a line break (offsets do not move).</summary>
    private static string Wrap(StringBuilder text)
    {
        var chars = text.ToString().ToCharArray();
        var lineStart = 0;
        var lastSpace = -1;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\n')
            {
                lineStart = i + 1;
                lastSpace = -1;
            }
            else if (chars[i] == ' ')
            {
                lastSpace = i;
            }

            if (i - lineStart >= WrapColumn && lastSpace > lineStart)
            {
                chars[lastSpace] = '\n';
                lineStart = lastSpace + 1;
                lastSpace = -1;
            }
        }

        return new string(chars);
    }

    private static void AddError(List<BoundaryError> errors, int keep, BoundaryDocument document, int offset, bool spurious)
    {
        if (errors.Count >= keep)
        {
            return;
        }

        var from = Math.Max(0, offset - 60);
        var to = Math.Min(document.Text.Length, offset + 40);
        var context = string.Concat(document.Text.AsSpan(from, offset - from), "‖", document.Text.AsSpan(offset, to - offset))
            .Replace('\n', '¶');
        errors.Add(new BoundaryError(document.Id, offset, spurious, context));
    }
}
