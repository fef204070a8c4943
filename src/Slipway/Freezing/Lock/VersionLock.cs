namespace Slipway.Freezing.Lock;

/// <summary>
/// <c>environments/&lt;env&gt;/versions.lock.yaml</c>: every floating version of one environment pinned, the operator the
/// pins were made with, and the fingerprint of the merged configuration they were made from.
/// </summary>
public sealed record VersionLock(string Environment, PinOperator Operator, ConfigurationFingerprint Configuration, IReadOnlyList<LockEntry> Entries)
{
    public const string FileName = "versions.lock.yaml";

    /// <summary>The repository-relative path of <paramref name="environment"/>'s lock.</summary>
    public static string RelativePath(string environment) => $"environments/{environment}/{FileName}";

    public static string FullPath(string repositoryRoot, string environment) => Path.Combine(repositoryRoot, "environments", environment, FileName);

    public LockEntry? Find(string key) => Entries.FirstOrDefault(entry => entry.Key == key);
}
