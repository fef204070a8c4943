using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>Secret references in chart values that cannot be resolved, or cannot reach the chart: refused before anything is written.</summary>
[Collection(BadInputCollection.Name)]
public sealed class SecretCases
{
    private const string Grafana = "        grafana:\n          enabled: true\n";

    private static readonly BadInputCase[] s_cases =
    [
        new(
            "chart value from an unset variable",
            "DeployPlatform --env staging",
            ExitCodes.BadInput,
            "platform.releases.kube-prometheus-stack.values.grafana.adminPassword",
            "environment variable 'SLIPWAY_TEST_UNSET_PASSWORD' is not set",
            "export SLIPWAY_TEST_UNSET_PASSWORD=")
        {
            Arrange = static root => EnvironmentFileCases.Replace(root, "environments/base/env.yaml", Grafana, Grafana + "          adminPassword: ${env:SLIPWAY_TEST_UNSET_PASSWORD}\n"),
        },
        new(
            "chart value from a missing file",
            "DeployPlatform --env staging",
            ExitCodes.BadInput,
            "platform.releases.kube-prometheus-stack.values.grafana.adminPassword",
            "secret file 'secrets/grafana' does not exist",
            "create it or change the reference")
        {
            Arrange = static root => EnvironmentFileCases.Replace(root, "environments/base/env.yaml", Grafana, Grafana + "          adminPassword: ${file:secrets/grafana}\n"),
        },
        new(
            "secret chart value with Argo CD",
            "DeployPlatform --env staging",
            ExitCodes.BadInput,
            "platform.releases.kube-prometheus-stack.values.grafana.adminPassword",
            "argocd",
            "docs/secrets.md")
        {
            Arrange = static async root =>
            {
                await EnvironmentFileCases.Replace(root, "environments/base/env.yaml", Grafana, Grafana + "          adminPassword: ${env:SLIPWAY_TEST_SET_PASSWORD}\n");
                await EnvironmentFileCases.Replace(root, "environments/base/env.yaml", "engine: flux", "engine: argocd");
            },
            Variables = new Dictionary<string, string?> { ["SLIPWAY_TEST_SET_PASSWORD"] = "sentinel-argo-4711" },
        },
    ];

    private readonly BadInputRepository _repository;

    public SecretCases(BadInputRepository repository)
    {
        _repository = repository;
    }

    public static TheoryData<string> Names => [.. s_cases.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fails_safely(string name) => await _repository.AssertFailsSafelyAsync(s_cases.Single(c => c.Name == name));
}
