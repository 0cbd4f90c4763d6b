namespace Storyline.Ingest;

/// <summary>Article ids from where an article came from (OUTPUT.md: a file's name without its extension).</summary>
public static class ArticleIds
{
    public static string FromPath(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return Path.GetFileNameWithoutExtension(name);
    }
}
