using Storyline.Training;

namespace Storyline.Tests.Time;

/// <summary>
/// A fact that needs ../shared/data (or ../shared/seeds): skipped with a message when it is absent on a developer
/// machine; when the CI variable is set it runs, and fails, so missing data can never pass silently in CI.
/// </summary>
public sealed class TimeDataFactAttribute : FactAttribute
{
    public TimeDataFactAttribute(string relative)
    {
        var path = SharedData.Root is { } root ? Path.Combine(root, relative) : null;
        if ((path is null || !Path.Exists(path)) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = $"shared/{relative} is not here (set CI to make this a failure)";
        }
    }
}
