namespace Storyline.Tagging;

/// <summary>
/// Finds the trained model files. They are copied beside the assemblies (<c>models/</c> under
/// <see cref="AppContext.BaseDirectory"/>) by the build; <c>STORYLINE_MODELS</c> overrides the folder.
/// </summary>
public static class ModelDirectory
{
    public static string Path(string fileName)
    {
        var overridden = Environment.GetEnvironmentVariable("STORYLINE_MODELS");
        var folder = !string.IsNullOrWhiteSpace(overridden)
            ? overridden
            : System.IO.Path.Combine(AppContext.BaseDirectory, "models");
        return System.IO.Path.Combine(folder, fileName);
    }
}
