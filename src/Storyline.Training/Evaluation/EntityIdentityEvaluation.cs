using System.Collections.Immutable;
using Storyline.Entities;
using Storyline.Sentences;
using Storyline.Tagging;
using Storyline.Text;
using Storyline.Tokens;
using Storyline.Training.Corpora;

namespace Storyline.Training.Evaluation;

/// <summary>B-cubed precision, recall and F1 of our entity clusters against GUM's coreference chains.</summary>
public sealed record BCubedScore(int Mentions, double Precision, double Recall, int Documents)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Entity identity on GUM (its dev documents): the evaluated mentions are the gold mentions that are names or
/// titles+names (a person, place or organisation mention holding a proper noun) and person pronouns. Each is put in
/// our cluster: the entity id of the mention our pipeline found there (run on GUM's own words and sentences), or a
/// cluster of its own when we found none; a person pronoun is in the cluster <see cref="PronounLinker"/> links it to
/// ("I", "you", "we", "they" are not resolved and stay on their own). B-cubed (Bagga and Baldwin 1998) per
/// mention, averaged over all evaluated mentions.
/// </summary>
public static class EntityIdentityEvaluation
{
    private static readonly ImmutableHashSet<string> NamedTypes = ["person", "place", "organization"];

    private static readonly string[] HeldOutSplits = ["dev", "test", "test2"];

    public static BCubedScore Evaluate(IEnumerable<GumDocument> documents, PosTagger tagger, EntityRecognizer recognizer)
    {
        // GUM's own words and sentences stand in for the sentence stage, so the two stages run directly.
        var posStage = new PosStage(tagger);
        var entityStage = new EntityStage(recognizer);
        double precision = 0, recall = 0;
        int mentions = 0, count = 0;
        foreach (var document in documents)
        {
            count++;
            var tokens = document.Words.Select(w => new Token(w, TokenKind.Word)).ToImmutableArray();
            var sentences = document.Sentences
                .Select(s => new Sentence(new TextSpan(document.Words[s.First].Start, document.Words[s.First + s.Count - 1].End), s.First, s.Count))
                .ToImmutableArray();
            var article = new Article
            {
                Id = document.Id,
                Text = document.Text,
                Metadata = new ArticleMetadata { Source = document.Id },
                Tokens = tokens,
                Sentences = sentences,
            };
            article = entityStage.Process(posStage.Process(article, CancellationToken.None), CancellationToken.None);

            var pronouns = PronounLinker.Link(article);
            var evaluated = document.Mentions.Where(m => IsEvaluated(m, document)).Distinct().ToList();
            var ours = new string[evaluated.Count];
            for (var i = 0; i < evaluated.Count; i++)
            {
                var m = evaluated[i];
                var span = new TextSpan(document.Words[m.Start].Start, document.Words[m.End - 1].End);
                var found = article.Entities.FirstOrDefault(e => e.Span.Overlaps(span) && (span.Contains(e.Span) || e.Span.Contains(span)));
                var pronoun = pronouns.FirstOrDefault(p => p.Span == span);
                ours[i] = found?.Entity ?? (pronoun.Entity is { } linked ? linked : $"#unlinked-{i}");
            }

            for (var i = 0; i < evaluated.Count; i++)
            {
                int same = 0, inOurs = 0, inGold = 0;
                for (var j = 0; j < evaluated.Count; j++)
                {
                    var sameGold = evaluated[j].Group == evaluated[i].Group;
                    var sameOurs = ours[j] == ours[i];
                    inGold += sameGold ? 1 : 0;
                    inOurs += sameOurs ? 1 : 0;
                    same += sameGold && sameOurs ? 1 : 0;
                }

                precision += (double)same / inOurs;
                recall += (double)same / inGold;
                mentions++;
            }
        }

        return mentions == 0 ? new BCubedScore(0, 0, 0, count) : new BCubedScore(mentions, precision / mentions, recall / mentions, count);
    }

    private static bool IsEvaluated(GumMention m, GumDocument document)
    {
        if (m.Type == "person" && m.End - m.Start == 1 && document.Upos[m.Start] == "PRON")
        {
            return true;
        }

        if (!NamedTypes.Contains(m.Type) || m.End - m.Start > 8)
        {
            return false;
        }

        for (var w = m.Start; w < m.End; w++)
        {
            if (document.Upos[w] == "PROPN")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The dev documents of GUM's splits.md that are staged in its dep/ folder.</summary>
    public static IReadOnlyList<string> DevDocuments(string gumFolder)
    {
        return Section(gumFolder, "dev");
    }

    /// <summary>The train documents: every staged document that splits.md lists under no other split (for tuning).</summary>
    public static IReadOnlyList<string> TrainDocuments(string gumFolder)
    {
        var held = HeldOutSplits.SelectMany(s => Section(gumFolder, s)).ToHashSet(StringComparer.Ordinal);
        return [.. Directory.EnumerateFiles(Path.Combine(gumFolder, "dep"), "*.conllu").Where(f => !held.Contains(f)).Order(StringComparer.Ordinal)];
    }

    private static List<string> Section(string gumFolder, string name)
    {
        var documents = new List<string>();
        string? section = null;
        foreach (var line in File.ReadLines(Path.Combine(gumFolder, "splits.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
            }
            else if (section == name && line.TrimStart().StartsWith("* ", StringComparison.Ordinal))
            {
                var path = Path.Combine(gumFolder, "dep", line.Trim()[2..].Trim() + ".conllu");
                if (File.Exists(path))
                {
                    documents.Add(path);
                }
            }
        }

        return documents;
    }
}
