using System.Text;
using Storyline.Text;

namespace Storyline.Training.Tagging;

/// <summary>A corpus sentence laid out as a text with token spans, the way the runtime taggers receive articles.</summary>
public sealed record TaggedSentence(string Text, TextSpan[] Tokens, string[] Labels)
{
    /// <summary>Joins the words with single spaces and records each word's span.</summary>
    public static TaggedSentence FromWords(IReadOnlyList<string> words, IReadOnlyList<string> labels)
    {
        var text = new StringBuilder();
        var spans = new TextSpan[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            spans[i] = new TextSpan(text.Length, text.Length + words[i].Length);
            text.Append(words[i]);
        }

        return new TaggedSentence(text.ToString(), spans, [.. labels]);
    }

    /// <summary>The same sentence with every character upper- or lower-cased (spans do not move: casing keeps
    /// lengths for the scripts in our corpora; a sentence whose length would change is returned unchanged).</summary>
    public TaggedSentence WithCase(bool upper)
    {
        var changed = upper ? Text.ToUpperInvariant() : Text.ToLowerInvariant();
        return changed.Length == Text.Length ? this with { Text = changed } : this;
    }
}
