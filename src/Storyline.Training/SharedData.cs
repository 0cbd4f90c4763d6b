namespace Storyline.Training;

/// <summary>
/// Finds the workspace's <c>shared/</c> folder (annotated data lives in <c>shared/data</c>, beside the repository).
/// <c>STORYLINE_SHARED</c> overrides; otherwise the nearest ancestor of the current directory or of this program
/// that has a <c>shared/data</c> folder. Callers that need data and find none say so and skip.
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = Locate();

    /// <summary>The full path of <c>shared/data/RELATIVE</c>, or null when there is no shared folder.</summary>
    public static string? Data(string relative) => Root is null ? null : Path.Combine(Root, "data", relative);

    private static string? Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("STORYLINE_SHARED");
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return Directory.Exists(overridden) ? Path.GetFullPath(overridden) : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "data")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
