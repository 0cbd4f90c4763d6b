using System.Collections.Immutable;
using System.Text;
using Storyline.Text;

namespace Storyline.Stories;

/// <summary>
/// The descriptors each article of a story puts before an entity's name ("Belarusian dictator Alexander
/// Lukashenko" in one outlet, "Belarusian President Alexander Lukashenko" in another), per entity, for the
/// entities that have at least one.
/// </summary>
public static class LabelComparison
{
    public static ImmutableArray<EntityLabels> Compare(IReadOnlyList<Article> articles, IReadOnlyDictionary<string, List<NameMention>> names)
    {
        var fullNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var labels = new Dictionary<string, List<Label>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var article in articles)
        {
            foreach (var mention in names[article.Id])
            {
                var clean = Clean(mention.Name);
                if (!fullNames.TryGetValue(mention.Key, out var known) || clean.Length > known.Length)
                {
                    fullNames[mention.Key] = clean;
                }

                if (mention.Descriptor is not { } d)
                {
                    continue;
                }

                if (!labels.TryGetValue(mention.Key, out var list))
                {
                    labels[mention.Key] = list = [];
                    order.Add(mention.Key);
                }

                var text = article.Text.Substring(d.Start, d.Length);
                if (!list.Any(l => l.Article == article.Id && l.Text == text))
                {
                    list.Add(new Label(article.Id, article.Metadata.Outlet, d, text));
                }
            }
        }

        // Entities labelled in more articles first: that is where outlets can be compared.
        return [.. order
            .OrderByDescending(k => labels[k].Select(l => l.Article).Distinct().Count())
            .ThenBy(order.IndexOf)
            .Select(k => new EntityLabels(Slug(fullNames[k]), fullNames[k], [.. labels[k]]))];
    }

    private static string Clean(string name) =>
        name.EndsWith("'s", StringComparison.Ordinal) || name.EndsWith("’s", StringComparison.Ordinal) ? name[..^2] : name;

    /// <summary>"Alexander Lukashenko" → "alexander-lukashenko": an id from the text, until the entity layer gives one.</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if ((c == ' ' || c == '-') && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }
}
