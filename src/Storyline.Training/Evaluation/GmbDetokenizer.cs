using System.Text;

namespace Storyline.Training.Evaluation;

/// <summary>
/// Turns GMB's PTB-style tokens back into natural text, so a sentence splitter is scored on text as a reader sees
/// it: no space before <c>, . ; : ! ? ) % 's n't</c> and closing quotes, none after <c>( $</c> and opening quotes,
/// "HIV / AIDS" → "HIV/AIDS", and a sentence-final "." after an abbreviation ("U.S. .") merged into it.
/// Straight double quotes carry no direction in GMB, so they alternate open/close across the sentences of one
/// document (a quote often spans sentences), reset by <see cref="Reset"/>; a quote that starts a sentence opens.
/// A lone "'" after a word ending in s is a plural possessive ("workers'"), otherwise single quotes alternate.
/// </summary>
public sealed class GmbDetokenizer
{
    private bool _doubleOpen;
    private bool _singleOpen;

    /// <summary>Starts a new document: no quote is open.</summary>
    public void Reset()
    {
        _doubleOpen = false;
        _singleOpen = false;
    }

    /// <summary>The natural text of one sentence's tokens.</summary>
    public string Detokenize(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = new StringBuilder();
        var glueNext = true; // no space before the first word
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var previous = i > 0 ? words[i - 1] : null;
            var isLast = i == words.Count - 1;
            bool attachLeft;
            var attachRight = false;

            if (word == "." && previous is { Length: > 1 } && previous[^1] == '.')
            {
                continue; // "U.S. ." is "U.S." in the text
            }

            if (word == "\"")
            {
                var opens = i == 0 || (!_doubleOpen && !isLast);
                _doubleOpen = opens;
                attachLeft = !opens;
                attachRight = opens;
            }
            else if (word == "'")
            {
                if (!_singleOpen && previous is not null && previous.Length > 1 && (previous[^1] | 0x20) == 's' && char.IsLetter(previous[0]))
                {
                    attachLeft = true; // plural possessive
                }
                else
                {
                    var opens = i == 0 || (!_singleOpen && !isLast);
                    _singleOpen = opens;
                    attachLeft = !opens;
                    attachRight = opens;
                }
            }
            else
            {
                attachLeft = AttachesLeft(word);
                attachRight = word is "(" or "[" or "{" or "$" or "#" or "/" or "``" or "`";
                if (word == "/")
                {
                    attachLeft = true;
                }
            }

            if (!glueNext && !attachLeft)
            {
                text.Append(' ');
            }

            text.Append(word);
            glueNext = attachRight;
        }

        return text.ToString();
    }

    private static bool AttachesLeft(string word) =>
        word is "," or "." or ";" or ":" or "!" or "?" or ")" or "]" or "}" or "%" or "..." or "''"
        || (word.Length > 1 && word[0] == '\'' && char.IsLetter(word[1]) && word.Length <= 3) // 's 're 've 'll 'd 'm
        || word.Equals("n't", StringComparison.OrdinalIgnoreCase)
        || (word.Length > 1 && word.All(c => c is '.' or '!' or '?'));
}
