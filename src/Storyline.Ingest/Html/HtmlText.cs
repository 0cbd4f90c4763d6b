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
                    writer.Break(element.TagName is "BR" or "LI" or "TD" or "TH" ? "\n" : "\n\n");
                    Walk(element, writer);
                    writer.Break(element.TagName is "LI" or "TD" or "TH" ? "\n" : "\n\n");
                    break;
                default:
                    Walk(child, writer);
                    break;
            }
        }
    }

    /// <summary>Collects text with collapsed whitespace and at most one pending break between runs of text.</summary>
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
            if (_pendingBreak != "\n\n")
            {
                _pendingBreak = separator;
            }

            _pendingSpace = false;
        }

        public override string ToString() => _text.ToString();
    }
}
