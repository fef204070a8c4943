using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>
/// Rollback, History and Resume given what does not exist (a tag, an app, a release, an environment), a tag no registry
/// accepts, a tag two environments ran, and a rollback without a terminal and without --yes: each exits 2 naming the choices,
/// and writes nothing (reading the GitOps history only refreshes Slipway's clone and its tag index, caches).
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class RollbackCases
{
    private static readonly string[] s_fetched = [".nuke/temp/gitops/", ".nuke/temp/gitops.lock", ".nuke/temp/history-index/"];

    private static readonly BadInputCase[] s_cases =
    [
        new("rollback to a tag no environment ran", "Rollback --tag staging-999 --yes", ExitCodes.BadInput, "Tag 'staging-999' was never deployed to any environment", "staging: Recent tags (newest first) — web: staging-123")
        {
            MayWrite = s_fetched,
        },
        new("rollback to a tag the environment never ran", "Rollback --env staging --tag staging-999 --yes", ExitCodes.BadInput, "Tag 'staging-999' was never deployed to any app of staging", "web: staging-123")
        {
            MayWrite = s_fetched,
        },
        new("rollback of an unknown app", "Rollback --env staging --app api --tag staging-123 --yes", ExitCodes.BadInput, "--app 'api' is not an app of environment staging; its apps are: web")
        {
            MayWrite = s_fetched,
        },
        new("rollback to an unknown release id", "Rollback --env staging --release staging-99 --yes", ExitCodes.BadInput, "There is no release 'staging-99' in releases/staging.yaml; the newest are: staging-1")
        {
            MayWrite = s_fetched,
        },
        new("rollback of an unknown environment", "Rollback --env stagin --yes", ExitCodes.BadInput, "stagin", "staging"),
        new("rollback to a tag that is not an image tag", "Rollback --tag bad:tag --yes", ExitCodes.BadInput, "--tag 'bad:tag' is not a valid image tag", "use letters, digits"),
        new("rollback to a tag two environments ran", "Rollback --tag staging-123 --yes", ExitCodes.BadInput, "Tag 'staging-123' is in the history of 2 environments: dev (web), staging (web)", "--env dev")
        {
            Arrange = static root => PushToRemoteAsync(root, "clusters/dev/apps/web/helm-release.yaml", "clusters/staging/apps/web/helm-release.yaml"),
            MayWrite = s_fetched,
        },
        new("rollback without a terminal and without --yes", "Rollback --env staging --tag staging-123", ExitCodes.BadInput, "web: registry.local/web:staging-122 -> registry.local/web:staging-123", "needs --yes where there is no terminal")
        {
            Arrange = static root => PushToRemoteAsync(root, "clusters/staging/apps/web/helm-release.yaml", null, "tag: staging-123", "tag: staging-122"),
            MayWrite = s_fetched,
        },
        new("rollback with neither --env nor --tag", "Rollback --yes", ExitCodes.BadInput, "Rollback needs --env NAME", "--tag TAG"),
        new("history of an unknown app", "History --env staging --app api", ExitCodes.BadInput, "--app 'api' is not an app of environment staging; its apps are: web")
        {
            MayWrite = s_fetched,
        },
        new("history with a limit of zero", "History --env staging --limit 0", ExitCodes.BadInput, "--limit"),
        new("resume without a reason", "Resume --env staging", ExitCodes.BadInput, "--reason"),
        new("resume with no stop and nothing held", "Resume --env staging --reason fixed", ExitCodes.Success, "Nothing to resume in staging: no emergency stop stands and nothing is held.")
        {
            MayWrite = s_fetched,
        },
    ];

    private readonly BadInputRepository _repository;

    public RollbackCases(BadInputRepository repository)
    {
        _repository = repository;
    }

    public static TheoryData<string> Names => [.. s_cases.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fails_safely(string name)
    {
        await _repository.EnsureDeployedAsync();
        await using StateBackup backup = await StateBackup.SaveAsync(_repository.Root);
        await _repository.AssertFailsSafelyAsync(s_cases.Single(c => c.Name == name));
    }

    /// <summary>Commits a copy of <paramref name="from"/> (or the file itself, with <paramref name="old"/> replaced) as <paramref name="path"/> to the GitOps remote.</summary>
    private static async Task PushToRemoteAsync(string root, string path, string? from, string? old = null, string? replacement = null)
    {
        string remote = Path.Combine(root, ".nuke", "temp", "gitops-remote.git");
        string work = Path.Combine(Path.GetTempPath(), "slipway-push-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await StateBackup.GitAsync(Path.GetTempPath(), "clone", "-q", remote, work);
            string text = await File.ReadAllTextAsync(Path.Combine(work, from ?? path));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work, path))!);
            await File.WriteAllTextAsync(Path.Combine(work, path), old is null ? text : text.Replace(old, replacement, StringComparison.Ordinal));
            await StateBackup.GitAsync(work, "add", "-A");
            await StateBackup.GitAsync(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "arrange " + path);
            await StateBackup.GitAsync(work, "push", "-q", "origin", "main");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
