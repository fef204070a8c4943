using LibGit2Sharp;
using LibGit2Sharp.Handlers;
using Polly;
using Polly.Retry;
using Slipway.Hosting;
using Slipway.Processes;

namespace Slipway.GitOps.Git;

/// <summary>
/// The GitOps repository through LibGit2Sharp: a clone under the work directory that is always reset to
/// <c>origin/&lt;branch&gt;</c> before an edit. LibGit2Sharp is synchronous, so each git step runs on the thread
/// pool under a timeout; progress callbacks stop it when cancelled.
/// </summary>
internal sealed partial class LibGit2GitOpsRepository : IGitOpsRepository
{
    private readonly GitOpsRepositoryOptions _options;
    private readonly string _remoteUrl;
    private readonly string? _token;
    private readonly ILog _log;
    private readonly TimeProvider _time;
    private readonly IProcessRunner _processRunner;
    private readonly ResiliencePipeline _raceRetry;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public LibGit2GitOpsRepository(GitOpsRepositoryOptions options, IEnvironmentVariables environment, ILog log, TimeProvider time, IProcessRunner processRunner)
    {
        _processRunner = processRunner;
        _options = options;
        _remoteUrl = RemoteUrls.Normalize(options.RemoteUrl);
        _log = log;
        _time = time;
        _token = options.Token is { Length: > 0 } given ? given : environment.Get(options.TokenVariable) is { Length: > 0 } token ? token : null;
        if (_token is not null)
        {
            log.AddSecret(_token);
        }

        _raceRetry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<PushRaceLostException>(),
                MaxRetryAttempts = Math.Max(1, options.MaxPushAttempts - 1),
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    _log.Warning($"The push to {RemoteDisplay} lost a race with another push (attempt {args.AttemptNumber + 1}); "
                        + $"fetching and redoing the change on the new head in {args.RetryDelay.TotalMilliseconds:0} ms.");
                    return default;
                },
            })
            .Build();
    }

    public string RemoteDisplay => RemoteUrls.Redact(_remoteUrl);

    public string Branch => _options.Branch;

    private string WorkDirectory => Path.GetFullPath(_options.WorkDirectory);

    private string OriginRef => $"refs/remotes/origin/{_options.Branch}";

    public async Task<GitOpsSnapshot> ReadSnapshotAsync(IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using IO.FileLock cloneLock = await CloneLock.AcquireAsync(WorkDirectory, _options.NetworkTimeout, _time, cancellationToken).ConfigureAwait(false);
            return await RunGitAsync("Fetching", token =>
            {
                using Repository repository = OpenAndFetch(token);
                Commit tip = OriginTip(repository);
                var files = new Dictionary<string, string>(StringComparer.Ordinal);
                CollectFiles(tip.Tree, string.Empty, folders, files);
                return new GitOpsSnapshot(tip.Sha, files);
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void CollectFiles(Tree tree, string prefix, IReadOnlyList<string> folders, Dictionary<string, string> files)
    {
        foreach (TreeEntry entry in tree)
        {
            string path = prefix + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                if (folders.Count == 0 || folders.Any(f => (path + "/").StartsWith(f.TrimEnd('/') + "/", StringComparison.Ordinal) || f.StartsWith(path + "/", StringComparison.Ordinal)))
                {
                    CollectFiles((Tree)entry.Target, path + "/", folders, files);
                }
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob
                && (folders.Count == 0 || folders.Any(f => path.StartsWith(f.TrimEnd('/') + "/", StringComparison.Ordinal) || path == f)))
            {
                var blob = (Blob)entry.Target;
                if (!blob.IsBinary)
                {
                    files[path] = blob.GetContentText();
                }
            }
        }
    }

    /// <summary>Opens the clone (creating it on first use), points origin at the remote and fetches the branch.</summary>
    private Repository OpenAndFetch(CancellationToken cancellationToken)
    {
        if (!Repository.IsValid(WorkDirectory))
        {
            try
            {
                if (Directory.Exists(WorkDirectory))
                {
                    Directory.Delete(WorkDirectory, recursive: true);
                }

                Repository.Init(WorkDirectory);
            }
            catch (Exception error) when (IO.WriteFailure.Is(error) || error is LibGit2SharpException)
            {
                throw IO.WriteFailure.From(WorkDirectory, error, "the GitOps clone");
            }
        }

        var repository = new Repository(WorkDirectory);
        try
        {
            Remote? origin = repository.Network.Remotes["origin"];
            if (origin is null)
            {
                repository.Network.Remotes.Add("origin", _remoteUrl);
            }
            else if (origin.Url != _remoteUrl)
            {
                repository.Network.Remotes.Update("origin", r => r.Url = _remoteUrl);
            }

            var fetchOptions = new FetchOptions
            {
                Prune = true,
                TagFetchMode = TagFetchMode.None,
                OnTransferProgress = _ => !cancellationToken.IsCancellationRequested,
                OnProgress = _ => !cancellationToken.IsCancellationRequested,
            };
            if (Credentials() is { } credentials)
            {
                fetchOptions.CredentialsProvider = credentials;
            }

            string? before = repository.Refs[OriginRef]?.ResolveToDirectReference()?.TargetIdentifier;
            try
            {
                Commands.Fetch(repository, "origin", [$"+refs/heads/{_options.Branch}:{OriginRef}"], fetchOptions, null);
            }
            catch (LibGit2SharpException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw IsCorruption(e.Message) ? Corrupt("fetch", e.Message.TrimEnd('.')) : Unreachable("fetch from", e);
            }

            RefuseUnrelatedHistory(repository, before);

            return repository;
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    private Commit OriginTip(Repository repository)
    {
        Reference? origin = repository.Refs[OriginRef];
        return origin?.ResolveToDirectReference()?.Target as Commit
            ?? throw SlipwayException.Input($"The GitOps remote {RemoteDisplay} has no branch '{_options.Branch}'. Push an initial commit to it, or set the environment's gitops branch to one that exists.");
    }

    /// <summary>Moves the local branch to origin's tip, checks it out and removes every local change.</summary>
    private string ResetToOrigin(Repository repository)
    {
        Commit tip = OriginTip(repository);
        LibGit2Sharp.Branch local = repository.Branches[_options.Branch] ?? repository.CreateBranch(_options.Branch, tip);
        repository.Refs.UpdateTarget(local.Reference, tip.Id, "slipway: reset to origin");
        Commands.Checkout(repository, repository.Branches[_options.Branch], new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
        repository.Reset(ResetMode.Hard, tip);
        repository.RemoveUntrackedFiles();
        return tip.Sha;
    }

    private CredentialsHandler? Credentials()
    {
        string? token = _token;
        return token is null
            ? null
            : (_, user, _) => new UsernamePasswordCredentials { Username = string.IsNullOrEmpty(user) ? "x-access-token" : user, Password = token };
    }

    private SlipwayException Unreachable(string verb, LibGit2SharpException e)
    {
        string hint = RemoteUrls.IsHttp(_remoteUrl) && _token is null
            ? $" If it needs a token, set {_options.TokenVariable}."
            : string.Empty;
        return SlipwayException.Failed(
            $"Cannot {verb} the GitOps remote {RemoteDisplay} (branch {_options.Branch}): {e.Message.TrimEnd('.')}. "
            + $"Check the remote's address in the environment's gitops repository setting and that it is reachable, then run the target again.{hint}",
            e);
    }

    /// <summary>Runs a synchronous git step on the thread pool, bounded by <see cref="GitOpsRepositoryOptions.NetworkTimeout"/>.</summary>
    private async Task<T> RunGitAsync<T>(string what, Func<CancellationToken, T> step, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.NetworkTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Task<T> task = Task.Run(() => step(linked.Token), CancellationToken.None);
        try
        {
            return await task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested && !task.IsCompleted)
        {
            // The progress callbacks see the token and stop libgit2; let it unwind before anyone touches the clone again.
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw SlipwayException.Failed($"{what} the GitOps remote {RemoteDisplay} did not finish within {_options.NetworkTimeout.TotalSeconds:0} s; check the network and the remote, then run the target again.");
        }
    }
}
