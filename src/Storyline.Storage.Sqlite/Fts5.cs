namespace Storyline.Storage.Sqlite;

/// <summary>Renders a parsed search query as an FTS5 MATCH expression. Every term becomes a quoted string, so no
/// input can be FTS5 syntax: <c>NEAR</c>, <c>*</c>, <c>:</c> and parentheses typed by a user are just text.</summary>
internal static class Fts5
{
    public static string Render(SearchQuery query)
    {
        var required = string.Join(" AND ", query.Groups.Select(Group));
        return query.Excluded.Count == 0 ? required : $"({required}) NOT {Group(query.Excluded)}";
    }

    private static string Group(IReadOnlyList<SearchTerm> terms) =>
        terms.Count == 1 ? Quote(terms[0]) : "(" + string.Join(" OR ", terms.Select(Quote)) + ")";

    private static string Quote(SearchTerm term) => "\"" + term.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
