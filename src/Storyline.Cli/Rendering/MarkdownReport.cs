using System.Text;
using Storyline.Output;

namespace Storyline.Cli.Rendering;

/// <summary><c>--format markdown</c>: the same report as text, for pasting into notes, issues and wikis.</summary>
public static class MarkdownReport
{
    public static string Render(AnalysisDocument document)
    {
        var md = new StringBuilder();
        md.AppendLine("# Storyline analysis").AppendLine();
        md.AppendLine($"{document.Articles.Count} article(s) analysed, {document.Errors.Count} skipped.").AppendLine();
        foreach (var a in document.Articles)
        {
            md.AppendLine($"## {Escape(a.Title ?? a.Id)}").AppendLine();
            md.AppendLine("| | |").AppendLine("|---|---|");
            md.AppendLine($"| Id | `{a.Id}` |");
            md.AppendLine($"| Outlet | {Escape(a.Outlet ?? "unknown")} |");
            md.AppendLine($"| Published | {TextReport.DateLine(a)} |");
            md.AppendLine($"| Source | `{a.Source}` |");
            if (a.Url is not null)
            {
                md.AppendLine($"| URL | <{a.Url}> |");
            }

            md.AppendLine($"| Layers | {TextReport.Counts(a)} |").AppendLine();
            if (a.Ignored.Count > 0)
            {
                md.AppendLine("**Ignored**").AppendLine();
                foreach (var i in a.Ignored)
                {
                    md.AppendLine($"- `[{i.Start},{i.End})` {i.Reason}: {Escape(TextReport.Excerpt(a.Text, i.Start, i.End))}");
                }

                md.AppendLine();
            }

            if (a.Sentences.Count > 0)
            {
                md.AppendLine("**Sentences**").AppendLine();
                var n = 0;
                foreach (var s in a.Sentences)
                {
                    md.AppendLine($"{++n}. {Escape(TextReport.Excerpt(a.Text, s.Start, s.End, 400))}");
                }

                md.AppendLine();
            }

            if (a.Times.Count > 0)
            {
                md.AppendLine("**Times**").AppendLine();
                foreach (var t in a.Times)
                {
                    md.AppendLine($"- {Escape(t.Text)} → `{t.Value}` ({t.Type})");
                }

                md.AppendLine();
            }

            if (a.Entities.Count > 0)
            {
                md.AppendLine("**Entities**").AppendLine();
                foreach (var g in a.Entities.GroupBy(e => e.Entity))
                {
                    md.AppendLine($"- {Escape(g.First().Text)} ({g.First().Type}, `{g.Key}`, {g.Count()}×)");
                }

                md.AppendLine();
            }

            if (a.Quotes.Count > 0)
            {
                md.AppendLine("**Quotes**").AppendLine();
                foreach (var q in a.Quotes)
                {
                    md.AppendLine($"- **{Escape(q.SpeakerName ?? q.Speaker ?? "unknown speaker")}** ({(q.Direct ? "direct" : "reported")}): {Escape(TextReport.Excerpt(a.Text, q.Start, q.End, 300))}");
                }

                md.AppendLine();
            }
        }

        if (document.Errors.Count > 0)
        {
            md.AppendLine("## Skipped").AppendLine();
            foreach (var e in document.Errors)
            {
                md.AppendLine($"- `{e.Source}`: {Escape(e.Error)}");
            }
        }

        return md.ToString();
    }

    /// <summary>Article text is untrusted: neutralise Markdown/HTML syntax so it renders as the words it is.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
