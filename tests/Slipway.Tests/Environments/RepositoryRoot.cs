namespace Slipway.Tests.Environments;

/// <summary>The Slipway repository this test runs from (the folder holding Slipway.sln).</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Slipway.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Slipway.sln not found above " + AppContext.BaseDirectory);
    }
}
