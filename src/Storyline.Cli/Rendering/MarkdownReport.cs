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
        RenderStories(md, document);
        if (document.Entities.Count > 0)
        {
            md.AppendLine($"## Top entities ({Math.Min(TextReport.EntityLimit, document.Entities.Count)} of {document.Entities.Count})").AppendLine();
            md.AppendLine("| Entity | Type | Mentions | Articles | Descriptors |").AppendLine("|---|---|---|---|---|");
            foreach (var e in document.Entities.Take(TextReport.EntityLimit))
            {
                md.AppendLine($"| {Escape(e.Name)} | {e.Type} | {e.Mentions} | {e.Articles.Count} | {Escape(string.Join("; ", e.Descriptors.Take(3)))} |");
            }

            md.AppendLine();
        }

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

    /// <summary>Stories first, as in the text report: stories of several articles in full, then a list of the rest.</summary>
    private static void RenderStories(StringBuilder md, AnalysisDocument document)
    {
        if (document.Stories.Count == 0)
        {
            return;
        }

        var cite = TextReport.Citations(document);
        var full = document.Stories.Count <= TextReport.DetailLimit ? document.Stories : document.Stories.Where(s => s.Articles.Count > 1).Take(TextReport.DetailLimit).ToList();
        foreach (var story in full)
        {
            md.AppendLine($"## Story: {Escape(story.Title)}").AppendLine();
            md.AppendLine($"- **Articles**: {Escape(string.Join(" · ", story.Articles.Select(a => story.Copies?.GetValueOrDefault(a) is { } o ? $"{cite(a)} (copy of {cite(o)})" : cite(a))))}");
            md.AppendLine($"- **Outlets**: {Escape(story.Outlets.Count == 0 ? "not named" : string.Join(", ", story.Outlets))}");
            md.AppendLine($"- **Dates**: {TextReport.Dates(story)}").AppendLine();
            if (story.Timeline.Count > 0)
            {
                md.AppendLine("### Timeline").AppendLine();
                md.AppendLine("| Date | What | Articles |").AppendLine("|---|---|---|");
                foreach (var item in story.Timeline)
                {
                    md.AppendLine($"| {item.Date} | {Escape(TextReport.Shorten(item.Text, 300))} | {Escape(string.Join(", ", item.Articles.Select(cite)))} |");
                }

                md.AppendLine();
            }

            var statements = story.Statements.Where(s => s.Sources > 1).Concat(story.Statements.Where(s => s.Sources <= 1)).Take(8).ToList();
            if (statements.Count > 0)
            {
                md.AppendLine("### Statements").AppendLine();
                foreach (var statement in statements)
                {
                    md.AppendLine($"- **{Escape(statement.SpeakerName ?? statement.Speaker)}** · {statement.Sources} source{(statement.Sources == 1 ? "" : "s")}");
                    foreach (var quote in statement.Quotes)
                    {
                        md.AppendLine($"  - {Escape(cite(quote.Article))}: {Escape(TextReport.Shorten(quote.Text, 300))}");
                    }

                    foreach (var diff in statement.Diffs ?? [])
                    {
                        md.AppendLine($"  - wording {Escape(cite(diff.From))} → {Escape(cite(diff.To))}: {DiffMarkdown(diff)}");
                    }
                }

                md.AppendLine();
            }

            if (story.Entities.Count > 0)
            {
                md.AppendLine("### Labels per outlet").AppendLine();
                md.AppendLine("| Entity | Article | Label |").AppendLine("|---|---|---|");
                foreach (var entity in story.Entities.Take(10))
                {
                    foreach (var d in entity.Descriptors)
                    {
                        md.AppendLine($"| {Escape(entity.Name)} | {Escape(cite(d.Article))} | {Escape(d.Text)} |");
                    }
                }

                md.AppendLine();
            }

            if (story.Numbers is { Count: > 0 } numbers)
            {
                md.AppendLine("### Numbers that differ").AppendLine();
                foreach (var n in numbers)
                {
                    md.AppendLine($"- {Escape(n.Unit)} ({Escape(n.Context)}): {Escape(string.Join(" vs ", n.Mentions.Select(m => $"\"{m.Text}\" ({cite(m.Article)})")))}");
                }

                md.AppendLine();
            }
        }

        var rest = document.Stories.Except(full).ToList();
        if (rest.Count > 0)
        {
            md.AppendLine("## Other stories").AppendLine();
            foreach (var story in rest.Take(50))
            {
                md.AppendLine($"- {Escape(TextReport.Shorten(story.Title, 120))} ({story.Articles.Count} article{(story.Articles.Count == 1 ? "" : "s")}, {TextReport.Dates(story)})");
            }

            md.AppendLine();
        }
    }

    /// <summary>A wording diff with removed words struck through and added words in bold.</summary>
    private static string DiffMarkdown(WordingDiffJson diff) => string.Join(" ", diff.Pieces.Select(p => p.Op switch
    {
        "removed" => "~~" + Escape(p.Text) + "~~",
        "added" => "**" + Escape(p.Text) + "**",
        _ => Escape(p.Text),
    }));

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
