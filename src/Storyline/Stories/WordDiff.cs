namespace Storyline.Stories;

/// <summary>How a piece of one wording relates to another.</summary>
public enum DiffOp
{
    Same,
    /// <summary>Only in the first wording.</summary>
    Removed,
    /// <summary>Only in the second wording.</summary>
    Added,
}

public readonly record struct DiffPiece(DiffOp Op, string Text);

/// <summary>
/// A word-level diff of two wordings of one statement (longest common subsequence over words, compared case-folded
/// without punctuation, shown with the original words): "Minsk is the best place for us" against "for us, Minsk is
/// the best place for negotiations" shows what each outlet has that the other does not.
/// </summary>
public static class WordDiff
{
    /// <summary>Longer wordings are compared on their first words only: the LCS table is quadratic.</summary>
    public const int MaxWords = 400;

    public static IReadOnlyList<DiffPiece> Compare(string first, string second)
    {
        var a = Split(first);
        var b = Split(second);
        var ka = a.Select(Key).ToArray();
        var kb = b.Select(Key).ToArray();
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = ka[i] == kb[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var pieces = new List<DiffPiece>();
        void Emit(DiffOp op, string word)
        {
            if (pieces.Count > 0 && pieces[^1].Op == op)
            {
                pieces[^1] = new DiffPiece(op, pieces[^1].Text + " " + word);
            }
            else
            {
                pieces.Add(new DiffPiece(op, word));
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && ka[x] == kb[y])
            {
                Emit(DiffOp.Same, b[y]);
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                Emit(DiffOp.Added, b[y++]);
            }
            else
            {
                Emit(DiffOp.Removed, a[x++]);
            }
        }

        return pieces;
    }

    /// <summary>The diff in one line: <c>[-removed-]</c> and <c>{+added+}</c> around what differs (git's word-diff notation).</summary>
    public static string Format(IReadOnlyList<DiffPiece> pieces) => string.Join(" ", pieces.Select(p => p.Op switch
    {
        DiffOp.Removed => "[-" + p.Text + "-]",
        DiffOp.Added => "{+" + p.Text + "+}",
        _ => p.Text,
    }));

    private static string[] Split(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Take(MaxWords).ToArray();

    private static string Key(string word) =>
        new string(word.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
