using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Storyline.Ingest.Html;

/// <summary>
/// HTML to readable plain text: block elements become paragraphs separated by a blank line, whitespace inside a
/// paragraph collapses to single spaces, scripts and styles are dropped. Used for feed item content and for the
/// body SmartReader extracts from a page.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION",
        "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
        "PRE", "SECTION", "SUMMARY", "TABLE", "TD", "TH", "TR", "UL",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "CANVAS", "HEAD", "OBJECT", "EMBED",
    };

    public static string ToPlainText(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        return ToPlainText(document.Body ?? (INode)document);
    }

    public static string ToPlainText(INode root)
    {
        var writer = new ParagraphWriter();
        Walk(root, writer);
        return writer.ToString();
    }

    private static void Walk(INode node, ParagraphWriter writer)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Append(text.Data);
                    break;
                case IElement element when SkippedElements.Contains(element.TagName):
                    break;
                case IElement element when BlockElements.Contains(element.TagName):
                    var separator = Separator(element.TagName);
                    writer.Break(separator);
                    Walk(element, writer);
                    writer.Break(element.TagName is "BR" ? "" : separator);
                    break;
                default:
                    Walk(child, writer);
                    break;
            }
        }
    }

    /// <summary>What separates a block from its neighbours: a line for list items, table rows and line breaks, a
    /// space for table cells (a row reads as one line), a blank line for everything else.</summary>
    private static string Separator(string tagName) => tagName switch
    {
        "TD" or "TH" => " ",
        "BR" or "LI" or "TR" or "DT" or "DD" => "\n",
        _ => "\n\n",
    };

    /// <summary>Collects text with collapsed whitespace and at most one pending break between runs of text; the
    /// strongest break asked for wins (a blank line over a line over a space). Control characters are dropped.</summary>
    private sealed class ParagraphWriter
    {
        private readonly StringBuilder _text = new();
        private string? _pendingBreak;
        private bool _pendingSpace;

        public void Append(string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = _text.Length > 0;
                    continue;
                }

                if (char.IsControl(c))
                {
                    continue;
                }

                if (_pendingBreak is not null && _text.Length > 0)
                {
                    _text.Append(_pendingBreak);
                }
                else if (_pendingSpace)
                {
                    _text.Append(' ');
                }

                _pendingBreak = null;
                _pendingSpace = false;
                _text.Append(c);
            }
        }

        public void Break(string separator)
        {
            if (separator.Length == 0)
            {
                return;
            }

            if (_pendingBreak is null || Strength(separator) > Strength(_pendingBreak))
            {
                _pendingBreak = separator;
            }

            _pendingSpace = false;
        }

        private static int Strength(string separator) => separator switch
        {
            "\n\n" => 2,
            "\n" => 1,
            _ => 0,
        };

        public override string ToString() => _text.ToString();
    }
}
