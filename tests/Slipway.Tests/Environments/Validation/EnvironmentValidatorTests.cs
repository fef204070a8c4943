using Slipway.Environments;
using Slipway.Environments.Validation;
using Slipway.Tests.Support;

namespace Slipway.Tests.Environments.Validation;

public sealed class EnvironmentValidatorTests : IDisposable
{
    private const string Valid = "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\n";
    private const string X = "environments/x/env.yaml";

    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    public static TheoryData<string, string> Errors => new()
    {
        { "cluster: [local\n", $"{X}(1,10): error SLW0001: '[' is not closed: end the list with ']'" },
        { Valid + "gitops:\n  branch: main\n", $"{X}(6,1): error SLW0002: duplicate key 'gitops' (first set at line 3)" },
        { Valid + "description: &d hello\nrollback: *d\n", $"{X}(7,11): error SLW0003: YAML alias '*d' is not allowed" },
        { Valid + "description: !vault x\n", $"{X}(6,14): error SLW0006: unknown tag '!vault'" },
        { Valid + "extends: [bse]\n", $"{X}(6,11): error SLW0011: extends unknown environment 'bse'" },
        { Valid + "extends: [../base]\n", $"{X}(6,11): error SLW0010: environment name '../base' is invalid" },
        { Valid + "apps:\n  web:\n    image: r/web\n    tag: '1'\n    replcas: 2\n", $"{X}(10,5): error SLW0103: unknown key 'replcas' in 'apps.web' (did you mean 'replicas'?)" },
        { Valid + "apps:\n  web:\n    image: r/web\n    tag: '1'\n    replicas: many\n", $"{X}(10,15): error SLW0101: 'apps.web.replicas' must be a whole number >= 0, not 'many'" },
        { Valid.Replace("cluster:\n  local: true", "cluster: local") , $"{X}(1,10): error SLW0101: 'cluster' must be a mapping of keys, not a scalar" },
        { Valid + "apps:\n  web:\n    tag: '1'\n", $"{X}(8,5): error SLW0102: 'apps.web' is missing required key 'image'" },
        { "cluster:\n  local: true\n", $"{X}(1,1): error SLW0102: the environment is missing required key 'gitops'" },
        { Valid.Replace("engine: flux", "engine: fluxcd"), $"{X}(5,11): error SLW0104: 'gitops.engine' must be one of flux, argocd, not 'fluxcd' (did you mean 'flux'?)" },
        { Valid + "verify:\n  timeout: 5 minutes\n", $"{X}(7,12): error SLW0104: 'verify.timeout' must be a duration such as 90s, 5m, 1h, not '5 minutes'" },
        { Valid + "verify:\n  endpoints: [ftp://x]\n", $"{X}(7,15): error SLW0104: 'verify.endpoints[0]' must be an http(s) URL" },
        { Valid + "infrastructure:\n  stack: ../outside\n", $"{X}(7,10): error SLW0104: 'infrastructure.stack' must be a path relative to the repository root" },
        { Valid + "infrastructure:\n  stack: infra\n  variables:\n    api_token: ${vault:x}\n", $"{X}(9,16): error SLW0105: 'infrastructure.variables.api_token': malformed secret reference '${{vault:x}}'" },
        { Valid + "infrastructure:\n  stack: infra\n  variables:\n    url: x${env:A\n", $"{X}(9,10): error SLW0105: 'infrastructure.variables.url': secret reference '${{env:A' is not closed" },
        { Valid + "cluster:\n  kubeconfig: k\n".Replace("cluster:\n  kubeconfig", "gates: {}\ncluster2:\n  kubeconfig"), $"{X}(7,1): error SLW0103: unknown key 'cluster2' (did you mean 'cluster'?)" },
        { Valid.Replace("local: true", "local: true\n  kubeconfig: ~/.kube/config"), $"{X}(3,3): error SLW0106: cluster sets both 'local: true' (at {X}:2) and 'kubeconfig'" },
        { Valid.Replace("local: true", "context: a"), $"{X}(2,3): error SLW0102: cluster needs 'local: true'" },
        { Valid + "protected: true\ngates:\n  branches: [main]\n  approvals: 1\n", $"{X}(9,14): error SLW0201: a protected environment needs 'gates.approvals: 2' or more" },
        { Valid + "protected: true\ngates:\n  approvals: 2\n", $"{X}(6,1): error SLW0202: a protected environment needs 'gates.branches'" },
        { Valid + "infrastructure:\n  stack: infra\n  variables:\n    db_password: hunter2\n", $"{X}(9,18): error SLW0203: 'infrastructure.variables.db_password' looks like a secret but holds plain text" },
        { Valid + "platform:\n  releases:\n    g:\n      chart: g\n      repository: https://c\n      version: 1.0.0\n      values:\n        grafana:\n          adminPassword: admin\n", $"{X}(14,26): error SLW0203: 'platform.releases.g.values.grafana.adminPassword' looks like a secret" },
        { Valid + "protected: true\ngates:\n  branches: [main]\n  approvals: 2\nplatform:\n  releases:\n    g:\n      chart: g\n      repository: https://c\n      version: ^1.2.0\n", $"{X}(15,16): error SLW0204: protected environment: platform.releases.g.version '^1.2.0' is a range" },
        { Valid + "protected: true\ngates:\n  branches: [main]\n  approvals: 2\napps:\n  web:\n    image: r/web\n    tag: latest\n", $"{X}(13,10): error SLW0204: protected environment: apps.web.tag is 'latest'" },
        { Valid + "gates:\n  promoteFrom: stagin\n", $"{X}(7,16): error SLW0104: gates.promoteFrom names unknown environment 'stagin'" },
        { Valid.Replace("engine: flux", "engine: flux\n  path: /srv/gitops"), $"{X}(6,9): error SLW0104: gitops.path '/srv/gitops' must be a folder inside the GitOps repository" },
        { Valid.Replace("engine: flux", "engine: flux\n  path: clusters/../../elsewhere"), $"{X}(6,9): error SLW0104: gitops.path 'clusters/../../elsewhere' must be a folder inside the GitOps repository" },
        { Valid.Replace("engine: flux", "engine: flux\n  path: ../.."), $"{X}(6,9): error SLW0104: gitops.path '../..' must be a folder inside the GitOps repository" },
        { Valid + "apps:\n  web:\n    image: r/web\n    tag: \"bad tag:x\"\n", $"{X}(9,10): error SLW0107: 'apps.web.tag' is not a valid image tag: 'bad tag:x'; use letters, digits, '_', '.' and '-', at most 128 characters, not starting with '.' or '-' (e.g. 1.4.0 or staging-123)" },
        { Valid + "apps:\n  web:\n    image: r/web\n    tag: -rc1\n", $"{X}(9,10): error SLW0107: 'apps.web.tag' is not a valid image tag: '-rc1'" },
        { Valid.Replace("engine: flux", "engine: flux\n  branch: \"main; rm -rf /\""), $"{X}(6,11): error SLW0108: 'gitops.branch' is not a valid Git branch name: 'main; rm -rf /' contains a space; write a branch name such as main or release/1.2" },
        { Valid.Replace("engine: flux", "engine: flux\n  branch: release..1"), $"{X}(6,11): error SLW0108: 'gitops.branch' is not a valid Git branch name: 'release..1' contains '..'" },
        { Valid.Replace("engine: flux", "engine: flux\n  branch: -main"), $"{X}(6,11): error SLW0108: 'gitops.branch' is not a valid Git branch name: '-main' starts with '-'" },
        { Valid + "verify:\n  timeout: 0s\n", $"{X}(7,12): error SLW0109: 'verify.timeout' must be longer than zero, not '0s' (how long to wait for the rollout, default 5m); write a duration such as 90s, 5m or 1h" },
        { Valid + "verify:\n  interval: 0\n", $"{X}(7,13): error SLW0109: 'verify.interval' must be longer than zero, not '0'" },
        { Valid + "infrastructure:\n  stack: infra\n  planMaxAge: 0ms\n", $"{X}(8,15): error SLW0109: 'infrastructure.planMaxAge' must be longer than zero, not '0ms'" },
        { Valid + "gates:\n  windows:\n    - days: mon-fri\n      start: \"08:00\"\n      end: \"17:00\"\n      timezone: Mars/Olympus\n", $"{X}(11,17): error SLW0110: gates.windows[].timezone 'Mars/Olympus' is not a time zone known here" },
        { Valid + "gates:\n  freezes:\n    - from: 2026-12-20\n      to: 2026-12-01\n      reason: year-end\n", $"{X}(9,11): error SLW0110: gates.freezes[].to 2026-12-01 is before its from 2026-12-20" },
        { Valid + "gates:\n  freezes:\n    - from: 2026-02-30\n      to: 2026-03-01\n      reason: x\n", $"{X}(8,13): error SLW0110: gates.freezes[].from '2026-02-30' is not a date" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Each_error_is_reported_with_file_line_column_and_exits_with_bad_input(string yaml, string expected)
    {
        _repository.Write("x/env.yaml", yaml);
        IReadOnlyList<string> before = _repository.Files();
        var log = new RecordingLog();

        SlipwayException exception = await Should.ThrowAsync<SlipwayException>(async () =>
            EnvironmentValidator.Run(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "x", warningsAsErrors: false, gitHubActions: false, log));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.Split('\n').ShouldContain(line => line.StartsWith(expected, StringComparison.Ordinal), exception.Message);
        log.Lines.ShouldBeEmpty();
        exception.Message.Split('\n')[^1].ShouldStartWith("Validated 1 environment (x): ");
        _repository.Files().ShouldBe(before);
    }

    [Fact]
    public async Task Cyclic_extends_names_the_cycle()
    {
        _repository.Write("a/env.yaml", Valid + "extends: [b]\n").Write("b/env.yaml", "extends: [c]\n").Write("c/env.yaml", "extends: [a]\n");

        ValidationResult result = EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "a");

        Diagnostic cycle = result.Diagnostics.ShouldHaveSingleItem();
        DiagnosticFormatter.Format(cycle).ShouldStartWith("environments/c/env.yaml(1,11): error SLW0012: cyclic extends: a -> b -> c -> a");
    }

    [Fact]
    public async Task A_folder_with_an_invalid_name_or_without_env_yaml_is_reported()
    {
        _repository.Write("x/env.yaml", Valid).Write("Bad_Name/env.yaml", Valid).Write("empty/values/a.yaml", "description: a\n");

        ValidationResult result = EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), null);

        result.Diagnostics.Select(DiagnosticFormatter.Format).ShouldBe(
        [
            "environments/Bad_Name(1,1): error SLW0010: environment name 'Bad_Name' is invalid: use 1-63 characters of a-z, 0-9 and '-' (not at the start or end), e.g. 'staging' or 'feature-42': rename the folder",
            "environments/empty(1,1): error SLW0014: folder 'environments/empty' has no env.yaml: add one (./build.sh NewEnvironment --name empty --extends base) or remove the folder",
        ]);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_quickly()
    {
        _repository.Write("x/env.yaml", "description: \"" + new string('x', 10 * 1024 * 1024) + "\"\n");

        ValidationResult result = EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "x");

        DiagnosticFormatter.Format(result.Diagnostics.ShouldHaveSingleItem()).ShouldStartWith($"{X}(1,1): error SLW0004: file is 10.0 MB");
    }

    [Fact]
    public async Task All_problems_of_all_environments_are_reported_at_once_and_a_layer_problem_once()
    {
        _repository
            .Write("base/env.yaml", Valid + "rollbak:\n  auto: true\n")
            .Write("a/env.yaml", "extends: [base]\ndescripton: a\n")
            .Write("b/env.yaml", "extends: [base]\nprotected: yes\n");

        ValidationResult result = EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), null);

        result.Diagnostics.Select(d => $"{d.File}({d.Line},{d.Column}) {d.Code}").ShouldBe(
        [
            "environments/a/env.yaml(2,1) SLW0103",
            "environments/b/env.yaml(2,12) SLW0101",
            "environments/base/env.yaml(6,1) SLW0103",
        ]);
        result.ErrorCount.ShouldBe(3);
    }

    [Fact]
    public async Task Warnings_pass_unless_warnings_are_errors()
    {
        _repository.Write("x/env.yaml", Valid + "apps:\n  web:\n    image: r/web\n    tag: latest\ngates:\n  branches: !append [main]\n");
        var log = new RecordingLog();

        ValidationResult result = EnvironmentValidator.Run(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "x", false, false, log);
        SlipwayException strict = await Should.ThrowAsync<SlipwayException>(async () =>
            EnvironmentValidator.Run(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "x", true, false, new RecordingLog()));

        result.Diagnostics.Select(d => d.Code).ShouldBe([EnvironmentDiagnosticCodes.FloatingVersion, EnvironmentDiagnosticCodes.AppendWithoutInheritedList]);
        log.Lines.ShouldContain($"warning: {X}(9,10): warning SLW1001: apps.web.tag is 'latest': pin an image tag (e.g. the build number or a release tag)");
        log.Lines[^1].ShouldBe("info: Validated 1 environment (x): 0 errors, 2 warnings");
        strict.Kind.ShouldBe(FailureKind.Input);
        strict.Message.ShouldContain($"{X}(9,10): error SLW1001");
        strict.Message.ShouldContain("--warnings-as-errors");
    }

    [Fact]
    public async Task On_github_actions_each_problem_is_also_a_workflow_command()
    {
        _repository.Write("x/env.yaml", Valid + "descripton: a\n");
        var log = new RecordingLog();

        await Should.ThrowAsync<SlipwayException>(async () =>
            EnvironmentValidator.Run(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "x", false, gitHubActions: true, log));

        log.Lines.ShouldContain($"info: ::error file={X},line=6,col=1,title=SLW0103::SLW0103: unknown key 'descripton' (did you mean 'description'?); allowed: extends, protected, description, cluster, gitops, infrastructure, platform, apps, gates, verify, rollback, freeze, allowPlainTextSecrets");
    }

    [Fact]
    public async Task Unknown_environment_is_bad_input()
    {
        _repository.Write("staging/env.yaml", Valid);

        SlipwayException exception = await Should.ThrowAsync<SlipwayException>(async () =>
            EnvironmentValidator.Validate(await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken), "prod"));

        exception.Kind.ShouldBe(FailureKind.Input);
        exception.Message.ShouldContain("no environment 'prod'");
        exception.Message.ShouldContain("known: staging");
    }
}
