using System.Text.RegularExpressions;
using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>
/// Broken state in a deployed clone: stale, tampered and misplaced plans; a stack edited after PlanInfra; corrupt release logs;
/// a GitOps repository replaced or damaged; an unwritable <c>.nuke/temp</c>. Each case breaks a copy of the state the one shared
/// deploy left (<see cref="BadInputRepository.EnsureDeployedAsync"/>) and gets it back afterwards (<see cref="StateBackup"/>).
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class StateCases
{
    private const string Plan = ".nuke/temp/staging/infra.tfplan";
    private const string Metadata = ".nuke/temp/staging/infra-plan.json";
    private const string ApplySaved = "ApplyInfra --env staging --plan-file " + Plan;
    private const string SyncWeb = "SyncApps --env staging --app web --tag staging-124";

    // A push that is refused only after the deploy lease was taken writes the lease to the local cluster's state and
    // refreshes Slipway's GitOps clone (a cache, reset to the remote after the failure): those two are allowed.
    private static readonly string[] s_afterLease = [".nuke/temp/local-cluster/", ".nuke/temp/gitops/", ".nuke/temp/gitops.lock"];

    // Reading the release log before the first write fetches into Slipway's GitOps clone (a cache).
    private static readonly string[] s_fetched = [".nuke/temp/gitops/", ".nuke/temp/gitops.lock"];

    private static readonly BadInputCase[] s_cases =
    [
        new("plan metadata of another environment", ApplySaved, ExitCodes.Refused, "was made for environment 'dev'", "PlanInfra --env staging")
        {
            Arrange = root => EditAsync(root, Metadata, "\"environment\": \"staging\"", "\"environment\": \"dev\""),
        },
        new("plan file changed after review", ApplySaved, ExitCodes.Refused, "is not the plan that was reviewed", "PlanInfra --env staging")
        {
            Arrange = root => File.AppendAllTextAsync(Path.Combine(root, Plan), "tampered"),
        },
        new("plan metadata commit edited", ApplySaved, ExitCodes.Refused, "The plan was made at commit 0000000", "PlanInfra --env staging")
        {
            Arrange = root => ReplaceAsync(root, Metadata, "\"commit\": \"[0-9a-f]+\"", "\"commit\": \"0000000\""),
        },
        new("plan metadata not JSON", ApplySaved, ExitCodes.BadInput, "infra-plan.json:1: not valid plan metadata", "Run PlanInfra again")
        {
            Arrange = root => File.WriteAllTextAsync(Path.Combine(root, Metadata), "{ \"environment\": "),
        },
        new("plan metadata deleted", ApplySaved, ExitCodes.BadInput, "has no infra-plan.json next to it", "PlanInfra --env staging")
        {
            Arrange = root => Task.Run(() => File.Delete(Path.Combine(root, Metadata))),
        },
        new("--plan-file naming a missing file", "ApplyInfra --env staging --plan-file nope/infra.tfplan", ExitCodes.BadInput, "There is no saved plan at", "nope/infra.tfplan", "PlanInfra --env staging"),
        new("plan file of another environment", "ApplyInfra --env dev --plan-file " + Plan, ExitCodes.Refused, "was made for environment 'staging'", "not 'dev'", "PlanInfra --env dev"),
        new("stack .tf edited after PlanInfra", ApplySaved, ExitCodes.Refused, "The stack changed since PlanInfra: infra/platform/main.tf (changed)", "PlanInfra --env staging")
        {
            Arrange = root => File.AppendAllTextAsync(Path.Combine(root, "infra", "platform", "main.tf"), "\n# edited after planning\n"),
        },
        new("stack file added after PlanInfra", ApplySaved, ExitCodes.Refused, "The stack changed since PlanInfra: infra/platform/extra.tf (added)", "PlanInfra --env staging")
        {
            Arrange = root => File.WriteAllTextAsync(Path.Combine(root, "infra", "platform", "extra.tf"), "resource \"terraform_data\" \"extra\" {}\n"),
        },
        new("release log not YAML", SyncWeb, ExitCodes.BadInput, "releases/staging.yaml:3: not valid YAML", "Nothing was deployed", "log -p origin/main -- releases/staging.yaml")
        {
            Arrange = root => PushToRemoteAsync(root, "releases/staging.yaml", "releases:\n  - id: [staging-1\n"),
            MayWrite = s_fetched,
        },
        new("release log entry without id", SyncWeb, ExitCodes.BadInput, "releases/staging.yaml:2: the release has no 'id'", "Nothing was deployed")
        {
            Arrange = root => PushToRemoteAsync(root, "releases/staging.yaml", "releases:\n  - time: 2026-01-01T00:00:00Z\n    who: x\n"),
            MayWrite = s_fetched,
        },
        new("release log 'releases' not a list", "DeployPlatform --env staging", ExitCodes.BadInput, "releases/staging.yaml:1: 'releases' must be a list", "Nothing was deployed")
        {
            Arrange = root => PushToRemoteAsync(root, "releases/staging.yaml", "releases: staging-1\n"),
            MayWrite = s_fetched,
        },
        new("GitOps repository with unrelated history", SyncWeb, ExitCodes.Refused, "unrelated", "rm -rf", ".nuke/temp/gitops")
        {
            Arrange = ReplaceRemoteHistoryAsync,
            MayWrite = s_fetched,
        },
        new("corrupted GitOps remote", SyncWeb, ExitCodes.TargetFailed, "is corrupt", "not a hook or branch protection", "fsck --full", "repack -a -d")
        {
            Arrange = DeleteTipTreeAsync,
            MayWrite = s_afterLease,
        },
        new("missing gitops.repository path", SyncWeb, ExitCodes.BadInput, "gitops.repository '/nonexistent/slipway-gitops.git'", "git init --bare")
        {
            Arrange = root => File.AppendAllTextAsync(Path.Combine(root, "environments", "staging", "env.yaml"), "gitops:\n  repository: /nonexistent/slipway-gitops.git\n"),
        },
        new("plan folder blocked by a file", "PlanInfra --env staging", ExitCodes.TargetFailed, "Could not write", ".nuke/temp/staging", "writable folder")
        {
            Arrange = root => BlockWithFileAsync(root, ".nuke/temp/staging"),
        },
        new("local cluster state folder blocked by a file", "Status --env staging", ExitCodes.TargetFailed, "Could not write the local cluster's state folder", "writable folder")
        {
            Arrange = root => BlockWithFileAsync(root, ".nuke/temp/local-cluster"),
            MayWrite = s_fetched, // Status reads the GitOps repository through its clone first
        },
        new("--continue record unwritable is a warning", "Validate --env staging", ExitCodes.Success, "Could not remember this run for --continue", "build-attempt.json")
        {
            Arrange = static root => Task.Run(() =>
            {
                string record = Path.Combine(root, ".nuke", "temp", "build-attempt.json");
                File.Delete(record);
                Directory.CreateDirectory(Path.Combine(record, "blocked")); // a folder where the record goes: the write fails
            }),
        },
    ];

    private readonly BadInputRepository _repository;

    public StateCases(BadInputRepository repository)
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

    private static Task EditAsync(string root, string relativePath, string old, string replacement)
        => EnvironmentFileCases.Replace(root, relativePath, old, replacement);

    private static async Task ReplaceAsync(string root, string relativePath, string pattern, string replacement)
    {
        string path = Path.Combine(root, relativePath);
        string text = await File.ReadAllTextAsync(path);
        string changed = Regex.Replace(text, pattern, replacement);
        changed.ShouldNotBe(text, $"'{pattern}' is not in {relativePath}");
        await File.WriteAllTextAsync(path, changed);
    }

    private static async Task BlockWithFileAsync(string root, string relativePath)
    {
        string path = Path.Combine(root, relativePath);
        Directory.Delete(path, recursive: true);
        await File.WriteAllTextAsync(path, "a file where Slipway keeps a folder\n");
    }

    /// <summary>Commits <paramref name="content"/> as <paramref name="path"/> to the local GitOps remote's main branch.</summary>
    private static async Task PushToRemoteAsync(string root, string path, string content)
    {
        string remote = Path.Combine(root, ".nuke", "temp", "gitops-remote.git");
        string work = Path.Combine(Path.GetTempPath(), "slipway-push-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await StateBackup.GitAsync(Path.GetTempPath(), "clone", "-q", remote, work);
            await File.WriteAllTextAsync(Path.Combine(work, path), content);
            await StateBackup.GitAsync(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "break " + path);
            await StateBackup.GitAsync(work, "push", "-q", "origin", "main");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The remote's main replaced by one commit that shares no history with what the clone fetched (a force push).</summary>
    private static async Task ReplaceRemoteHistoryAsync(string root)
    {
        string remote = Path.Combine(root, ".nuke", "temp", "gitops-remote.git");
        string work = Path.Combine(Path.GetTempPath(), "slipway-unrelated-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await StateBackup.GitAsync(Path.GetTempPath(), "init", "-q", "-b", "main", work);
            await File.WriteAllTextAsync(Path.Combine(work, "README.md"), "another project\n");
            await StateBackup.GitAsync(work, "add", "-A");
            await StateBackup.GitAsync(work, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "unrelated");
            await StateBackup.GitAsync(work, "push", "-qf", remote, "main:main");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Deletes the loose object of the remote tip's root tree, as a damaged disk or a careless cleanup would.</summary>
    private static async Task DeleteTipTreeAsync(string root)
    {
        string remote = Path.Combine(root, ".nuke", "temp", "gitops-remote.git");
        string tree = await StateBackup.GitAsync(remote, "rev-parse", "main^{tree}");
        string loose = Path.Combine(remote, "objects", tree[..2], tree[2..]);
        File.Exists(loose).ShouldBeTrue($"the tip tree {tree} is not a loose object");
        File.Delete(loose);
    }
}
