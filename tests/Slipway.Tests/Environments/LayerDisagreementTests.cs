using Slipway.Environments;
using Slipway.Environments.Validation;

namespace Slipway.Tests.Environments;

/// <summary>Two layers no extends list orders, setting one key differently: a warning (an error when protected).</summary>
public sealed class LayerDisagreementTests : IDisposable
{
    private const string Valid = "cluster:\n  local: true\ngitops:\n  repository: local\n  engine: flux\n";

    private readonly TempRepository _repository = new();

    public LayerDisagreementTests()
    {
        _repository
            .Write("base/env.yaml", Valid + "infrastructure:\n  stack: infra/platform\n  variables:\n    node_count: 2\n    region: eu\n")
            .Write("ha/env.yaml", "extends: [base]\ninfrastructure:\n  variables:\n    node_count: 3\n")
            .Write("singlenode/env.yaml", "extends: [base]\ninfrastructure:\n  variables:\n    node_count: 1\n    region: eu\n")
            .Write("demo/env.yaml", "extends: [singlenode]\ndescription: demo\n")
            .Write("ci/env.yaml", "extends: [base]\n")
            .Write("site/env.yaml", "extends: [base]\n");
    }

    public void Dispose() => _repository.Dispose();

    private async Task<EnvironmentCatalog> LoadAsync() => await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Copied_parent_list_reports_ha_and_singlenode_disagreeing_on_node_count()
    {
        _repository.Write("x/env.yaml", "extends: [ha, demo, ci, site]\n");

        ValidationResult result = EnvironmentValidator.Validate(await LoadAsync(), "x");

        Diagnostic warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.ToString().ShouldBe(
            "environments/x/env.yaml(1,11): warning SLW1003: layers 'ha' (environments/ha/env.yaml:4) and 'singlenode' (environments/singlenode/env.yaml:4) "
            + "set 'infrastructure.variables.node_count' to different values and no extends list orders them: 'singlenode' wins only by the order the "
            + "linearization picked (base -> ha -> singlenode -> demo -> ci -> site -> x). Order them in the extends of 'x' (the later wins: e.g. "
            + "extends: [singlenode, ha, …] lets 'ha' win), or set 'infrastructure.variables.node_count' in 'x' itself");
    }

    [Fact]
    public async Task Is_an_error_in_a_protected_environment()
    {
        _repository.Write("x/env.yaml", "extends: [ha, demo]\nprotected: true\ngates:\n  approvals: 2\n  branches: [main]\n");

        ValidationResult result = EnvironmentValidator.Validate(await LoadAsync(), "x");

        result.Diagnostics.Where(d => d.IsError).Select(d => d.Code).ShouldBe(["SLW0205"]);
        result.Diagnostics.Single(d => d.IsError).Message.ShouldStartWith("protected environment: layers 'ha'");
    }

    [Theory]
    [InlineData("extends: [singlenode, ha, demo]\n")]
    [InlineData("extends: [ha, demo]\ninfrastructure:\n  variables:\n    node_count: 5\n")]
    [InlineData("extends: [ha, site]\n")]
    public async Task Is_not_reported_when_an_extends_list_orders_them_or_a_later_layer_settles_the_key(string yaml)
    {
        _repository.Write("x/env.yaml", yaml);

        ValidationResult result = EnvironmentValidator.Validate(await LoadAsync(), "x");

        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public async Task Same_values_from_unordered_layers_are_not_reported()
    {
        // region: eu in singlenode and (inherited from base) in ha: same value, no report; only node_count differs.
        _repository.Write("x/env.yaml", "extends: [ha, demo]\n");

        ResolvedEnvironment x = (await LoadAsync()).Resolve("x");

        x.Disagreements.ShouldHaveSingleItem().Message.ShouldContain("'infrastructure.variables.node_count'");
        ConfigPrinter.Print(x).Split('\n')[1].ShouldStartWith("# environments/x/env.yaml(1,11): warning SLW1003: layers 'ha'");
    }

    [Fact]
    public async Task A_deletion_in_one_unordered_layer_against_a_value_in_the_other_is_reported()
    {
        _repository
            .Write("ha/env.yaml", "extends: [base]\ninfrastructure:\n  variables:\n    node_count: 3\n    region: us\n")
            .Write("nodns/env.yaml", "extends: [base]\ninfrastructure:\n  variables:\n    region: null\n")
            .Write("nodemo/env.yaml", "extends: [nodns]\n")
            .Write("ordered/env.yaml", "extends: [nodns, ha]\n")
            .Write("x/env.yaml", "extends: [ha, nodemo]\n");
        EnvironmentCatalog catalog = await LoadAsync();

        ResolvedEnvironment ordered = catalog.Resolve("ordered");
        ResolvedEnvironment x = catalog.Resolve("x");

        ordered.Disagreements.ShouldBeEmpty();
        x.Find("infrastructure.variables.region").ShouldBeNull();
        x.Disagreements.ShouldHaveSingleItem().Message.ShouldStartWith(
            "layers 'ha' (environments/ha/env.yaml:5) and 'nodns' (environments/nodns/env.yaml:4) set 'infrastructure.variables.region' to different values");
    }
}
