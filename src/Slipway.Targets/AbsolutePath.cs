namespace Slipway.Targets;

/// <summary>A normalised absolute path; <c>RootDirectory / "src" / "x.cs"</c> combines.</summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string _path;

    private AbsolutePath(string path)
    {
        _path = path;
    }

    public string Name => Path.GetFileName(_path);

    public AbsolutePath Parent => new(Path.GetDirectoryName(_path) ?? _path);

    public static AbsolutePath Create(string path, string? basePath = null)
    {
        string full = basePath is null ? Path.GetFullPath(path) : Path.GetFullPath(path, basePath);
        return new AbsolutePath(Path.TrimEndingDirectorySeparator(full));
    }

    public static AbsolutePath operator /(AbsolutePath left, string right) => Create(Path.Combine(left._path, right));

    public static implicit operator string(AbsolutePath path) => path._path;

    public bool Exists() => File.Exists(_path) || Directory.Exists(_path);

    public string GetRelativePathTo(string other) => Path.GetRelativePath(_path, other);

    public override string ToString() => _path;

    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(_path, other._path, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_path);
}
