using System.Security.Cryptography;

namespace Storyline.Training;

/// <summary>The SHA-256 of training files, recorded in each model so a model can be traced to its exact data.</summary>
public static class DataHash
{
    public static string Of(params string[] paths)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            sha.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
