namespace Slipway.Benchmarks;

/// <summary>Finds the repository the benchmarks run in: the folder above the working directory or the program holding Slipway.sln.</summary>
internal static class RepositoryRoot
{
    /// <summary>The repository's root, or empty when neither place is inside one.</summary>
    public static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Slipway.sln")) && Directory.Exists(Path.Combine(directory.FullName, "environments")))
                {
                    return directory.FullName;
                }
            }
        }

        return string.Empty;
    }
}
