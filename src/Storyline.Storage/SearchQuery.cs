namespace Storyline.Storage;

/// <summary>One thing to look for: a word or a phrase (both stemmed by the backend's text search).</summary>
public sealed record SearchTerm(string Text, bool Phrase);

/// <summary>
/// A search-box query, parsed once and rendered by each backend into its own syntax so both mean the same:
/// every group must match (AND), a group matches when any of its terms does (<c>a or b</c>), and no excluded term
/// may match (<c>-word</c>). <c>"a phrase"</c> is one term. Nothing is a syntax error: an unclosed quote ends at the
/// end of the input, and terms with no letter or digit are dropped (they match nothing in either index).
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> Groups, IReadOnlyList<SearchTerm> Excluded)
{
    /// <summary>True when nothing is required: such a query matches nothing (a search that only excludes is not a search).</summary>
    public bool IsEmpty => Groups.Count == 0;

    public static SearchQuery Parse(string query)
    {
        var groups = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var joinNext = false;
        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i]))
            {
                i++;
                continue;
            }

            var negated = query[i] == '-' && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]);
            if (negated)
            {
                i++;
            }

            SearchTerm term;
            if (query[i] == '"')
            {
                var close = query.IndexOf('"', i + 1);
                var end = close < 0 ? query.Length : close;
                term = new SearchTerm(query[(i + 1)..end].Trim(), Phrase: true);
                i = close < 0 ? query.Length : close + 1;
            }
            else
            {
                var start = i;
                while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] != '"')
                {
                    i++;
                }

                var word = query[start..i];
                if (!negated && word.Equals("or", StringComparison.OrdinalIgnoreCase))
                {
                    joinNext = groups.Count > 0;
                    continue;
                }

                term = new SearchTerm(word, Phrase: false);
            }

            if (!term.Text.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            if (negated)
            {
                excluded.Add(term);
            }
            else if (joinNext)
            {
                groups[^1].Add(term);
            }
            else
            {
                groups.Add([term]);
            }

            joinNext = false;
        }

        return new SearchQuery([.. groups], excluded);
    }
}
