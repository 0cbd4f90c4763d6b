using Storyline.Training;

namespace Storyline.Ingest.Tests;

/// <summary>
/// A fact that needs a folder of ../shared/data. Without it the test is skipped (xunit reports it as skipped) unless
/// the CI environment variable is set: on CI missing data is a failure, so the test runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative)
    {
        Relative = relative;
        var path = SharedData.Data(relative);
        if ((path is null || !Directory.Exists(path)) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"../shared/data/{relative} is absent (set STORYLINE_SHARED to the shared folder to run this test)";
        }
    }

    public string Relative { get; }

    /// <summary>The folder, or a failed assertion saying it is missing.</summary>
    public static string RequireData(string relative)
    {
        var path = SharedData.Data(relative);
        Assert.True(path is not null && Directory.Exists(path), $"../shared/data/{relative} is missing (required on CI)");
        return path!;
    }
}
