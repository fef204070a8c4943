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
    private readonly string? _indexFolder;

    /// <param name="reader">The GitOps repository.</param>
    /// <param name="environment">The environment whose app manifests are read.</param>
    /// <param name="indexFolder">Where the tag each manifest version names is kept between runs (<see cref="AppTagIndex"/>); none: parsed every time.</param>
    public AppHistoryReader(IGitOpsRepositoryReader reader, GitOpsEnvironment environment, string? indexFolder = null)
    {
        _reader = reader;
        _environment = environment;
        _indexFolder = indexFolder;
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
        AppTagIndex index = AppTagIndex.Load(_indexFolder, $"{_environment.Engine}|{path}");
        await _reader.ReadFileHistoryAsync(path, file =>
        {
            AppVersion? version = Read(index, app, path, file);
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

        await index.SaveAsync(cancellationToken).ConfigureAwait(false);
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

    /// <summary>The version <paramref name="file"/> sets, from the index when this commit was parsed before.</summary>
    private AppVersion? Read(AppTagIndex index, string app, string path, FileVersion file)
    {
        if (!index.TryGet(file.CommitSha, out (string Image, string Tag)? named))
        {
            named = Parse(path, file);
            index.Add(file.CommitSha, named);
        }

        return named is { } found ? new AppVersion(app, found.Image, found.Tag, file.CommitSha, file.Time, file.Author) : null;
    }

    private (string Image, string Tag)? Parse(string path, FileVersion file)
    {
        if (file.Text is null)
        {
            return null;
        }

        try
        {
            AppManifestVersion manifest = AppManifestReader.Read(file.Text, _environment.Engine, $"{path} at {file.ShortSha}");
            return manifest.Tag is { Length: > 0 } tag ? (manifest.Image ?? "?", tag) : null;
        }
        catch (SlipwayException)
        {
            return null; // an old version that no longer parses says nothing about tags
        }
    }
}
