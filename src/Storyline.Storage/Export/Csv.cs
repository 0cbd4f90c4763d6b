using System.Text;

namespace Storyline.Storage.Export;

/// <summary>
/// RFC 4180 fields: a field with a comma, a double quote, a line break or edge spaces is enclosed in double quotes,
/// with its quotes doubled; a null is an empty field. Rows end with "\n" (pandas, R and spreadsheets read both line
/// endings; breaks inside quoted article text stay as written).
/// </summary>
public static class Csv
{
    public static string Row(IEnumerable<string?> fields)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            AppendField(builder, field);
        }

        return builder.Append('\n').ToString();
    }

    private static void AppendField(StringBuilder builder, string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return;
        }

        var quote = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]);
        if (!quote)
        {
            builder.Append(field);
            return;
        }

        builder.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
