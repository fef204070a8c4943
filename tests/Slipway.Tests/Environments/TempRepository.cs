namespace Slipway.Tests.Environments;

/// <summary>A repository root in a temp folder with an environments/ folder; deleted on dispose.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "slipway-env-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "environments"));
    }

    public string Root { get; }

    /// <summary>Writes a file under environments/, e.g. <c>Write("base/env.yaml", "...")</c>.</summary>
    public TempRepository Write(string relativePath, string text)
    {
        string path = Path.Combine(Root, "environments", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Root, "environments", relativePath));

    /// <summary>Every file under the root, relative, sorted: to check that nothing was written.</summary>
    public IReadOnlyList<string> Files()
        => [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Root, path)).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
