using Storyline.Tagging;
using Storyline.Training.Corpora;
using Storyline.Training.Tagging;

namespace Storyline.Training.Evaluation;

/// <summary>Token accuracy of a POS tagger on gold tokens, with the most frequent confusions (gold → predicted).</summary>
public sealed record PosScore(int Tokens, int Correct, IReadOnlyList<(string Gold, string Predicted, int Count)> Confusions)
{
    public double Accuracy => Tokens == 0 ? 0 : (double)Correct / Tokens;
}

public static class PosEvaluation
{
    public static PosScore Evaluate(PosTagger tagger, IEnumerable<ConlluSentence> sentences)
    {
        int tokens = 0, correct = 0;
        var confusions = new Dictionary<(string, string), int>();
        foreach (var s in sentences)
        {
            var sentence = TaggedSentence.FromWords(s.Words.Select(w => w.Form).ToList(), s.Words.Select(w => w.Upos).ToList());
            var predicted = tagger.Tag(sentence.Text, sentence.Tokens);
            for (var i = 0; i < predicted.Length; i++)
            {
                tokens++;
                if (predicted[i] == sentence.Labels[i])
                {
                    correct++;
                }
                else
                {
                    var key = (sentence.Labels[i], predicted[i]);
                    confusions[key] = confusions.GetValueOrDefault(key) + 1;
                }
            }
        }

        var top = confusions.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)).Take(15).ToList();
        return new PosScore(tokens, correct, top);
    }
}
