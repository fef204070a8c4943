using Slipway.GitOps;
using Slipway.GitOps.Git;
using Slipway.GitOps.Manifests;

namespace Slipway.Releases;

/// <summary>
/// The tags an app was set to, newest first, from the history of its manifest in the GitOps repository: what ran before
/// Slipway recorded releases, and the way to find where a tag was deployed.
/// </summary>
public sealed class AppHistoryReader
{
    private readonly IGitOpsRepositoryReader _reader;
    private readonly GitOpsEnvironment _environment;

    public AppHistoryReader(IGitOpsRepositoryReader reader, GitOpsEnvironment environment)
    {
        _reader = reader;
        _environment = environment;
    }

    /// <summary>
    /// The tag changes of <paramref name="app"/>, newest first, reading until <paramref name="keepReading"/> says stop
    /// (a commit that changed the manifest but not the tag, such as replicas, is not a tag change).
    /// </summary>
    public async Task<IReadOnlyList<AppVersion>> ReadAsync(string app, Func<AppVersion, bool> keepReading, CancellationToken cancellationToken)
    {
        string path = GitOpsPaths.App(_environment.Path, app, _environment.Engine);
        var versions = new List<AppVersion>();
        AppVersion? pending = null;
        bool stopped = false;
        await _reader.ReadFileHistoryAsync(path, file =>
        {
            AppVersion? version = Parse(app, path, file);
            if (version is null)
            {
                return true;
            }

            // a newer version only set its tag when this older one has another tag
            if (pending is not null && pending.Tag != version.Tag)
            {
                versions.Add(pending);
                if (!keepReading(pending))
                {
                    stopped = true;
                    return false;
                }
            }

            pending = version; // the oldest of a run of versions with one tag is the commit that set it
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (!stopped && pending is not null)
        {
            versions.Add(pending);
            keepReading(pending);
        }

        return versions;
    }

    /// <summary>The newest commit that set <paramref name="app"/> to <paramref name="tag"/>, and the tag it replaced; null when none did.</summary>
    public async Task<(AppVersion Set, AppVersion? Previous)?> FindAsync(string app, string tag, CancellationToken cancellationToken)
    {
        AppVersion? found = null;
        AppVersion? previous = null;
        await ReadAsync(app, version =>
        {
            if (found is not null)
            {
                previous = version;
                return false;
            }

            found = version.Tag == tag ? version : null;
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return found is null ? null : (found, previous);
    }

    private AppVersion? Parse(string app, string path, FileVersion file)
    {
        if (file.Text is null)
        {
            return null;
        }

        try
        {
            AppManifestVersion manifest = AppManifestReader.Read(file.Text, _environment.Engine, $"{path} at {file.ShortSha}");
            return manifest.Tag is { Length: > 0 } tag
                ? new AppVersion(app, manifest.Image ?? "?", tag, file.CommitSha, file.Time, file.Author)
                : null;
        }
        catch (SlipwayException)
        {
            return null; // an old version that no longer parses says nothing about tags
        }
    }
}
