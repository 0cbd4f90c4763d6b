using Storyline.Training;

namespace Storyline.Tests.Sentences;

/// <summary>
/// Finds files in the workspace's shared folder for tests. When the folder is absent (a clone elsewhere) a test that
/// needs it passes trivially, unless the CI environment variable is set: on CI missing data is a failure.
/// </summary>
internal static class SharedFiles
{
    /// <summary>The full path of <c>shared/RELATIVE</c>, or null when it is absent and this is not CI.</summary>
    public static string? Find(string relative)
    {
        var path = SharedData.Root is null ? null : Path.Combine(SharedData.Root, relative);
        if (path is not null && (File.Exists(path) || Directory.Exists(path)))
        {
            return path;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"shared/{relative} is missing, and CI is set: tests need ../shared on CI.");
        }

        return null;
    }
}
