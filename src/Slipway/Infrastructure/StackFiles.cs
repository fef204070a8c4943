namespace Slipway.Infrastructure;

/// <summary>
/// The stack's own files (every file under the stack folder but Terraform's working files and local state), each with its
/// SHA-256, recorded by PlanInfra in <c>infra-plan.json</c>: an edit made after planning, committed or not, refuses ApplyInfra.
/// </summary>
internal static class StackFiles
{
    private static readonly string[] s_ignoredFolders = [".terraform", "terraform.tfstate.d"];

    /// <summary>Relative path (forward slashes) → lower-case hex SHA-256, in ordinal order.</summary>
    public static async Task<SortedDictionary<string, string>> HashAsync(string stackDirectory, CancellationToken cancellationToken)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(stackDirectory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            string relative = Path.GetRelativePath(stackDirectory, file).Replace('\\', '/');
            if (!IsIgnored(relative))
            {
                hashes[relative] = await FileHash.Sha256Async(file, cancellationToken).ConfigureAwait(false);
            }
        }

        return hashes;
    }

    /// <summary>The first file added, removed or changed since <paramref name="planned"/>, or null when none.</summary>
    public static string? FirstChange(IReadOnlyDictionary<string, string> planned, IReadOnlyDictionary<string, string> now)
        => planned.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(path =>
            (planned.TryGetValue(path, out string? then), now.TryGetValue(path, out string? current)) switch
            {
                (true, false) => $"{path} (deleted)",
                (false, true) => $"{path} (added)",
                _ => string.Equals(then, current, StringComparison.OrdinalIgnoreCase) ? null : $"{path} (changed)",
            }).FirstOrDefault(static change => change is not null);

    private static bool IsIgnored(string relative)
    {
        string name = relative[(relative.LastIndexOf('/') + 1)..];
        return s_ignoredFolders.Any(folder => relative.StartsWith(folder + "/", StringComparison.Ordinal) || relative.Contains("/" + folder + "/", StringComparison.Ordinal))
            || name.EndsWith(".tfstate", StringComparison.Ordinal) || name.EndsWith(".tfstate.backup", StringComparison.Ordinal)
            || name is ".terraform.tfstate.lock.info" or ".terraform.lock.hcl";
    }
}
