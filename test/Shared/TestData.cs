using Storyline.Training;

namespace Storyline.Testing;

/// <summary>
/// Paths into ../shared for tests. When the shared folder is absent (a clone elsewhere) such tests are skipped with
/// a message; under CI (env CI set) absence is a failure, so a broken checkout cannot pass by skipping.
/// </summary>
internal static class TestData
{
    public static string Require(string relativeToShared)
    {
        var path = SharedData.Root is null ? null : Path.Combine(SharedData.Root, relativeToShared);
        var present = path is not null && (File.Exists(path) || Directory.Exists(path));
        if (!present && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"CI run without ../shared/{relativeToShared}: the workspace's shared folder must sit beside the repository.");
        }

        Skip.IfNot(present, $"../shared/{relativeToShared} is not here; this test needs the workspace's shared data.");
        return path!;
    }

    public static string Seeds => Require("seeds");

    public static string Seed(string prefix) => Directory.GetFiles(Seeds, prefix + "*.txt").Single();
}
