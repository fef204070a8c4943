using LibGit2Sharp;

namespace Slipway.GitOps.Git;

internal sealed partial class LibGit2GitOpsRepository
{
    public async Task<PushResult> PushChangeAsync(
        Func<IGitOpsWorkTree, CancellationToken, Task<ChangeDescription?>> edit,
        CommitInfo info,
        CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        int attempts = 0;
        IO.FileLock? cloneLock = null;
        try
        {
            cloneLock = await CloneLock.AcquireAsync(WorkDirectory, _options.NetworkTimeout, _time, cancellationToken).ConfigureAwait(false);
            return await _raceRetry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await AttemptAsync(edit, info, attempts, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (cloneLock is not null)
        {
            ResetQuietly();
            if (e is PushRaceLostException)
            {
                throw SlipwayException.Failed(
                    $"The push to the GitOps remote {RemoteDisplay} (branch {_options.Branch}) lost the race to other pushes {attempts} times in a row; "
                    + "nothing was pushed. Run the target again: the change is redone on the newest commit.",
                    e);
            }

            throw;
        }
        finally
        {
            cloneLock?.Dispose();
            _gate.Release();
        }
    }

    private async Task<PushResult> AttemptAsync(
        Func<IGitOpsWorkTree, CancellationToken, Task<ChangeDescription?>> edit,
        CommitInfo info,
        int attempt,
        CancellationToken cancellationToken)
    {
        string head = await RunGitAsync("Fetching from", token =>
        {
            using Repository repository = OpenAndFetch(token);
            return ResetToOrigin(repository);
        }, cancellationToken).ConfigureAwait(false);

        ChangeDescription? description = await edit(new GitOpsWorkTree(WorkDirectory), cancellationToken).ConfigureAwait(false);
        description ??= new ChangeDescription($"chore({info.Environment}): update the GitOps repository");
        string message = info.FormatMessage(description);

        string? commit = await RunGitAsync("Committing to", _ => CommitIfChanged(message, info), cancellationToken).ConfigureAwait(false);
        if (commit is null)
        {
            _log.Info($"GitOps repository {RemoteDisplay}: no change, nothing committed (head {head[..12]}).");
            return new PushResult(head, Changed: false, Message: null, attempt);
        }

        if (IsLocalRemote)
        {
            await PushWithGitCliAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RunGitAsync("Pushing to", Push, cancellationToken).ConfigureAwait(false);
        }

        _log.Info($"Pushed {commit[..12]} to {RemoteDisplay} ({_options.Branch}): {description.Subject}");
        return new PushResult(commit, Changed: true, message, attempt);
    }

    private string? CommitIfChanged(string message, CommitInfo info)
    {
        using var repository = new Repository(WorkDirectory);
        Commands.Stage(repository, "*");
        if (!repository.RetrieveStatus(new StatusOptions()).IsDirty)
        {
            return null;
        }

        var signature = new Signature(info.AuthorName, info.AuthorEmail, _time.GetUtcNow());
        return repository.Commit(message, signature, signature, new CommitOptions()).Sha;
    }

    private bool Push(CancellationToken cancellationToken)
    {
        using var repository = new Repository(WorkDirectory);
        var rejections = new List<PushStatusError>();
        var options = new PushOptions
        {
            OnPushStatusError = rejections.Add,
            OnPushTransferProgress = (_, _, _) => !cancellationToken.IsCancellationRequested,
            OnPackBuilderProgress = (_, _, _) => !cancellationToken.IsCancellationRequested,
        };
        if (Credentials() is { } credentials)
        {
            options.CredentialsProvider = credentials;
        }

        string refSpec = $"refs/heads/{_options.Branch}:refs/heads/{_options.Branch}";
        try
        {
            repository.Network.Push(repository.Network.Remotes["origin"], refSpec, options);
        }
        catch (NonFastForwardException e)
        {
            throw new PushRaceLostException($"The remote {RemoteDisplay} moved on: {e.Message}", e);
        }
        catch (LibGit2SharpException e) when (!cancellationToken.IsCancellationRequested)
        {
            if (IsRace(e.Message))
            {
                throw new PushRaceLostException(e.Message, e);
            }

            throw IsCorruption(e.Message) ? Corrupt("push", e.Message.TrimEnd('.')) : Unreachable("push to", e);
        }

        if (rejections.Count > 0)
        {
            string reasons = string.Join("; ", rejections.Select(r => $"{r.Reference}: {r.Message}"));
            if (rejections.All(r => IsRace(r.Message)))
            {
                throw new PushRaceLostException(reasons);
            }

            throw IsCorruption(reasons) ? Corrupt("push", reasons) : Rejected(reasons);
        }

        return true;
    }

    private SlipwayException Rejected(string reasons)
        => SlipwayException.Failed(
            $"The GitOps remote {RemoteDisplay} rejected the push ({reasons}). Its hooks or branch protection refused the commit; "
            + "nothing was pushed and the local clone is reset. Fix the rule or the push rights of this account, then run the target again.");

    private static bool IsRace(string message)
        => message.Contains("non-fast-forward", StringComparison.OrdinalIgnoreCase)
            || message.Contains("fetch first", StringComparison.OrdinalIgnoreCase)
            || message.Contains("stale info", StringComparison.OrdinalIgnoreCase)
            || message.Contains("failed to update ref", StringComparison.OrdinalIgnoreCase)
            || message.Contains("cannot lock ref", StringComparison.OrdinalIgnoreCase)
            || message.Contains("incorrect old value", StringComparison.OrdinalIgnoreCase);

    /// <summary>After a failure: put the clone back on the fetched remote branch so it never holds a partial commit.</summary>
    private void ResetQuietly()
    {
        try
        {
            if (!Repository.IsValid(WorkDirectory))
            {
                return;
            }

            using var repository = new Repository(WorkDirectory);
            if (repository.Refs[OriginRef] is not null)
            {
                ResetToOrigin(repository);
            }
        }
        catch (LibGit2SharpException e)
        {
            _log.Warning($"Could not reset the GitOps clone {WorkDirectory} after a failure ({e.Message}); it is a cache: delete it if the next run complains.");
        }
    }
}
