using Slipway.Environments;

namespace Slipway.Tests.Environments;

/// <summary>The layer order is the C3 linearization in application order: parents first, every extends list kept.</summary>
public sealed class LayerLinearizerTests : IDisposable
{
    private readonly TempRepository _repository = new();

    public void Dispose() => _repository.Dispose();

    private async Task<ResolvedEnvironment> ResolveAsync(string name, params (string Layer, string Extends)[] layers)
    {
        foreach ((string layer, string extends) in layers)
        {
            _repository.Write($"{layer}/env.yaml", extends.Length == 0 ? "description: x\n" : $"extends: [{extends}]\n");
        }

        EnvironmentCatalog catalog = await EnvironmentCatalog.LoadAsync(_repository.Root, TestContext.Current.CancellationToken);
        return catalog.Resolve(name);
    }

    [Fact]
    public async Task Diamond_applies_the_shared_base_once_first()
    {
        ResolvedEnvironment d = await ResolveAsync("d", ("base", ""), ("left", "base"), ("right", "base"), ("d", "left, right"));

        d.Diagnostics.ShouldBeEmpty();
        d.Layers.ShouldBe(["base", "left", "right", "d"]);
    }

    [Fact]
    public async Task Copied_parent_list_applies_singlenode_right_after_ha_as_demo_asks()
    {
        ResolvedEnvironment x = await ResolveAsync("x",
            ("base", ""), ("ha", "base"), ("singlenode", "base"), ("demo", "singlenode"), ("ci", "base"), ("site", "base"), ("x", "ha, demo, ci, site"));

        x.Diagnostics.ShouldBeEmpty();
        x.Layers.ShouldBe(["base", "ha", "singlenode", "demo", "ci", "site", "x"]);
    }

    [Fact]
    public async Task Keeps_every_lists_order_where_depth_first_would_not()
    {
        // b says d before c; depth first would apply c (reached first through a) before d.
        ResolvedEnvironment x = await ResolveAsync("x", ("c", ""), ("d", ""), ("a", "c"), ("b", "d, c"), ("x", "a, b"));

        x.Diagnostics.ShouldBeEmpty();
        x.Layers.ShouldBe(["d", "c", "a", "b", "x"]);
    }

    [Fact]
    public async Task A_parent_listed_after_a_layer_that_extends_it_is_an_error_at_its_line()
    {
        ResolvedEnvironment x = await ResolveAsync("x", ("base", ""), ("singlenode", "base"), ("dev", "singlenode"), ("x", "dev, singlenode"));

        Diagnostic error = x.Diagnostics.ShouldHaveSingleItem();
        error.ToString().ShouldBe(
            "environments/x/env.yaml(1,16): error SLW0013: extends: [dev, singlenode] of 'x' cannot be kept: it applies 'singlenode' after 'dev', "
            + "but 'dev' extends 'singlenode', so 'singlenode' must come first; remove 'singlenode' from this list ('dev' brings it) or list it before 'dev'");
    }

    [Fact]
    public async Task Parents_that_order_two_layers_both_ways_are_an_error_naming_them()
    {
        ResolvedEnvironment x = await ResolveAsync("x", ("p", ""), ("q", ""), ("a", "p, q"), ("b", "q, p"), ("x", "a, b"));

        Diagnostic error = x.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe("SLW0013");
        error.File.ShouldBe("environments/x/env.yaml");
        error.Message.ShouldContain("extends: [a, b] of 'x' cannot be kept together with the extends lists of its parents");
        error.Message.ShouldContain("'p'");
        error.Message.ShouldContain("'q'");
    }

    [Fact]
    public async Task An_inconsistent_parent_is_reported_once_at_the_parent_not_at_each_child()
    {
        ResolvedEnvironment y = await ResolveAsync("y", ("base", ""), ("dev", "base"), ("bad", "dev, base"), ("x", "bad"), ("y", "x"));

        Diagnostic error = y.Diagnostics.ShouldHaveSingleItem();
        error.File.ShouldBe("environments/bad/env.yaml");
        y.Layers.ShouldContain("bad");
    }
}
