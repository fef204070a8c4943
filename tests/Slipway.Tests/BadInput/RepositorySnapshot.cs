using System.Security.Cryptography;

namespace Slipway.Tests.BadInput;

/// <summary>
/// Every file of a clone (work tree, <c>.nuke/temp</c> with the GitOps repository and its remote) with a hash of its bytes,
/// except build outputs and the engine's own bookkeeping, so two snapshots tell what a run wrote.
/// </summary>
public sealed class RepositorySnapshot
{
    /// <summary>
    /// What every run may write: build outputs, the bootstrap's stamp and log, the engine's run record, test results, and
    /// git's record of the last fetch of the GitOps clone (the gates read stops and releases before the first write: a fetch).
    /// </summary>
    private static readonly string[] s_bookkeeping =
    [
        ".git/", "build/bin/", "build/obj/", ".nuke/temp/build.stamp", ".nuke/temp/bootstrap.lock", ".nuke/temp/bootstrap.log",
        ".nuke/temp/build-attempt.json", ".nuke/temp/test-results/", ".nuke/build.schema.json", ".nuke/temp/gitops/.git/FETCH_HEAD",
    ];

    private readonly Dictionary<string, string> _files;

    private RepositorySnapshot(Dictionary<string, string> files)
    {
        _files = files;
    }

    public static RepositorySnapshot Take(string root)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (s_bookkeeping.Any(prefix => relative.StartsWith(prefix, StringComparison.Ordinal)) || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            files[relative] = Hash(file);
        }

        return new RepositorySnapshot(files);
    }

    /// <summary>The paths added, removed or changed since <paramref name="before"/>, except those under <paramref name="allowed"/>.</summary>
    public IReadOnlyList<string> ChangesSince(RepositorySnapshot before, IReadOnlyList<string> allowed)
        => _files.Keys.Union(before._files.Keys, StringComparer.Ordinal)
            .Where(path => !(_files.TryGetValue(path, out string? now) && before._files.TryGetValue(path, out string? then) && now == then))
            .Where(path => !allowed.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(path => (_files.ContainsKey(path), before._files.ContainsKey(path)) switch
            {
                (true, false) => $"added {path}",
                (false, true) => $"removed {path}",
                _ => $"changed {path}",
            })
            .ToList();

    private static string Hash(string file)
    {
        try
        {
            using FileStream stream = File.OpenRead(file);
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
