using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>
/// Values that used to pass Validate and fail late (an image tag no registry accepts, a branch Git refuses, a zero timeout,
/// a GitOps path leaving the repository) and SyncApps' <c>--tag</c>: each refused before anything is written, with
/// file(line,col) or the parameter and the fix.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class TagAndBranchCases
{
    private const string Staging = "environments/staging/env.yaml";
    private const string Base = "environments/base/env.yaml";
    private const string TagRule = "use letters, digits, '_', '.' and '-', at most 128 characters";
    private const string BranchFix = "write a branch name such as main or release/1.2";

    private static readonly BadInputCase[] s_cases =
    [
        new("tag with a space and a colon", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(15,10): error SLW0107: 'apps.web.tag' is not a valid image tag: 'bad tag:x'", TagRule)
        {
            Arrange = static root => StagingTag(root, "\"bad tag:x\""),
        },
        new("tag starting with -", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(15,10): error SLW0107", "'-rc1'", TagRule)
        {
            Arrange = static root => StagingTag(root, "-rc1"),
        },
        new("tag longer than 128", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(15,10): error SLW0107", "at most 128 characters")
        {
            Arrange = static root => StagingTag(root, new string('a', 129)),
        },
        new("tag as a secret reference", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(15,10): error SLW0107", "'${env:TAG}'")
        {
            Arrange = static root => StagingTag(root, "${env:TAG}"),
        },
        new("bad tag refused by SyncApps before the push", "SyncApps --env staging", ExitCodes.BadInput, $"{Staging}(15,10): error SLW0107", TagRule)
        {
            Arrange = static root => StagingTag(root, "\"bad tag:x\""),
        },
        new("branch with a shell command", "Validate --env staging", ExitCodes.BadInput, $"{Base}(9,11): error SLW0108: 'gitops.branch' is not a valid Git branch name: 'main; rm -rf /' contains a space", BranchFix)
        {
            Arrange = static root => EnvironmentFileCases.Replace(root, Base, "branch: main", "branch: \"main; rm -rf /\""),
        },
        new("branch with ..", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(5,11): error SLW0108", "'release..1' contains '..'", BranchFix)
        {
            Arrange = static root => StagingGitOps(root, "branch: release..1"),
        },
        new("branch ending with /", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(5,11): error SLW0108", "'release/' ends with '/'")
        {
            Arrange = static root => StagingGitOps(root, "branch: release/"),
        },
        new("branch ending with .lock", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(5,11): error SLW0108", "'main.lock' ends with '.lock'")
        {
            Arrange = static root => StagingGitOps(root, "branch: main.lock"),
        },
        new("branch with @{", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(5,11): error SLW0108", "'main@{1}' contains '@{'")
        {
            Arrange = static root => StagingGitOps(root, "branch: main@{1}"),
        },
        new("branch @ alone", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(5,11): error SLW0108", "'@' alone is not a branch name")
        {
            Arrange = static root => StagingGitOps(root, "branch: \"@\""),
        },
        new("branch with a colon", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(5,11): error SLW0108", "'refs:x' contains ':'")
        {
            Arrange = static root => StagingGitOps(root, "branch: \"refs:x\""),
        },
        new("branch like an option refused by DeployPlatform", "DeployPlatform --env staging", ExitCodes.BadInput, $"{Base}(9,11): error SLW0108", "'-f' starts with '-'", BranchFix)
        {
            Arrange = static root => EnvironmentFileCases.Replace(root, Base, "branch: main", "branch: \"-f\""),
        },
        new("verify timeout of zero", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(20,12): error SLW0109: 'verify.timeout' must be longer than zero, not '0s'", "write a duration such as 90s, 5m or 1h")
        {
            Arrange = static root => EnvironmentFileCases.Replace(root, Staging, "  timeout: 5m", "  timeout: 0s"),
        },
        new("verify timeout of zero refused by Verify", "Verify --env staging", ExitCodes.BadInput, $"{Staging}(20,12): error SLW0109")
        {
            Arrange = static root => EnvironmentFileCases.Replace(root, Staging, "  timeout: 5m", "  timeout: 0s"),
        },
        new("verify interval of zero", "Validate --env dev", ExitCodes.BadInput, $"{Base}(58,13): error SLW0109: 'verify.interval' must be longer than zero, not '0'")
        {
            Arrange = static root => EnvironmentFileCases.Replace(root, Base, "interval: 5s", "interval: 0"),
        },
        new("plan max age of zero refused by PlanInfra", "PlanInfra --env dev", ExitCodes.BadInput, $"{Base}(14,15): error SLW0109: 'infrastructure.planMaxAge' must be longer than zero, not '0ms'")
        {
            Arrange = static root => EnvironmentFileCases.Replace(root, Base, "planMaxAge: 1h", "planMaxAge: 0ms"),
        },
        new("gitops path leaving the repository", "Validate --env staging", ExitCodes.BadInput, $"{Staging}(5,9): error SLW0104: gitops.path '../..' must be a folder inside the GitOps repository", "(e.g. clusters/staging)")
        {
            Arrange = static root => StagingGitOps(root, "path: ../.."),
        },
        new("gitops path leaving the repository refused by SyncApps", "SyncApps --env staging", ExitCodes.BadInput, $"{Staging}(5,9): error SLW0104")
        {
            Arrange = static root => StagingGitOps(root, "path: ../.."),
        },
        new("--tag without --app for two apps", "SyncApps --env staging --tag v1", ExitCodes.BadInput, "--tag needs --app: environment staging has 2 apps (api, web)", "with --app api --tag v1")
        {
            Arrange = SecondApp,
        },
        new("APP of the shell is not --app", "SyncApps --env staging --tag v1", ExitCodes.BadInput, "--tag needs --app: environment staging has 2 apps (api, web)")
        {
            Arrange = SecondApp,
            Variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["APP"] = "web" },
        },
        new("--tag with a colon", "SyncApps --env staging --app web --tag bad:tag", ExitCodes.BadInput, "--tag 'bad:tag' is not a valid image tag", TagRule),
        new("--tag starting with .", "SyncApps --env staging --tag .hidden", ExitCodes.BadInput, "--tag '.hidden' is not a valid image tag", TagRule),
        new("PublishImage --tag with a colon", "PublishImage --image web --tag bad:tag", ExitCodes.BadInput, "--tag 'bad:tag' is not a valid image tag", "e.g. 1.4.0 or staging-123"),
        new("PublishImage --tag with an @", "PublishImage --image web --tag v1@x", ExitCodes.BadInput, "--tag 'v1@x' is not a valid image tag"),
    ];

    private readonly BadInputRepository _repository;

    public TagAndBranchCases(BadInputRepository repository)
    {
        _repository = repository;
    }

    public static TheoryData<string> Names => [.. s_cases.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fails_safely(string name) => await _repository.AssertFailsSafelyAsync(s_cases.Single(c => c.Name == name));

    /// <summary>Staging's <c>apps.web.tag</c> (line 15, column 10) set to <paramref name="yaml"/>.</summary>
    private static Task StagingTag(string root, string yaml) => EnvironmentFileCases.Replace(root, Staging, "tag: staging-123", $"tag: {yaml}");

    /// <summary>A <c>gitops:</c> block with <paramref name="line"/> (line 5, the value at column 9 + key) before staging's description.</summary>
    private static Task StagingGitOps(string root, string line) => EnvironmentFileCases.Replace(root, Staging, "description: Staging", $"gitops:\n  {line}\ndescription: Staging");

    private static Task SecondApp(string root)
        => EnvironmentFileCases.Replace(root, Staging, "    replicas: 2\n", "    replicas: 2\n  api:\n    image: registry.local/api\n    tag: 1.0.0\n");
}
