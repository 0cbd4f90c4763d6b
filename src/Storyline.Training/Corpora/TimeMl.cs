using System.Globalization;
using System.Text;
using System.Xml;
using Storyline.Text;

namespace Storyline.Training.Corpora;

/// <summary>A gold TIMEX3 in a TimeML document: its span in <see cref="TimeMlDocument.Text"/>, type, value and mod.</summary>
public sealed record TimeMlTimex(string Id, TextSpan Span, string Type, string Value, string? Mod);

/// <summary>
/// A TimeML document reduced to what temporal tagging is scored on: the plain text of its TEXT element, the document
/// creation time (the reference date), and the gold TIMEX3s inside TEXT (the creation-time TIMEX3 is not among them).
/// </summary>
public sealed record TimeMlDocument(string Id, string Text, DateOnly? CreationTime, IReadOnlyList<TimeMlTimex> Timexes);

/// <summary>Reads TimeML 1.2 files (.tml), such as the TempEval-3 TimeBank and AQUAINT training data.</summary>
public static class TimeMlReader
{
    public static IReadOnlyList<TimeMlDocument> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.tml", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList();

    public static TimeMlDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileNameWithoutExtension(path));
    }

    public static TimeMlDocument Read(Stream stream, string id)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, IgnoreWhitespace = false, XmlResolver = null };
        using var reader = XmlReader.Create(stream, settings);
        var text = new StringBuilder();
        var timexes = new List<TimeMlTimex>();
        DateOnly? creation = null;
        var inText = false;
        (string Id, int Start, string Type, string Value, string? Mod)? open = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "TIMEX3":
                {
                    var function = reader.GetAttribute("functionInDocument");
                    var value = reader.GetAttribute("value") ?? "";
                    if (function == "CREATION_TIME")
                    {
                        creation = ParseDate(value);
                    }
                    else if (inText)
                    {
                        open = (reader.GetAttribute("tid") ?? "", text.Length, reader.GetAttribute("type") ?? "", value, reader.GetAttribute("mod"));
                    }

                    break;
                }

                case XmlNodeType.Element when reader.LocalName == "TEXT":
                    inText = !reader.IsEmptyElement;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "TEXT":
                    inText = false;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "TIMEX3" && open is { } o:
                    timexes.Add(new TimeMlTimex(o.Id, new TextSpan(o.Start, text.Length), o.Type, o.Value, o.Mod));
                    open = null;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA when inText:
                    text.Append(reader.Value);
                    break;
            }
        }

        return new TimeMlDocument(id, text.ToString(), creation, timexes);
    }

    private static DateOnly? ParseDate(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
}
