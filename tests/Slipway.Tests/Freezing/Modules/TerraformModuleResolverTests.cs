using Slipway.Freezing;
using Slipway.Freezing.Http;
using Slipway.Freezing.Modules;
using Slipway.Tests.Freezing.Charts;

namespace Slipway.Tests.Freezing.Modules;

/// <summary>Module constraints resolved against an in-process module registry (service discovery, then the versions list).</summary>
public sealed class TerraformModuleResolverTests : IAsyncLifetime
{
    private static readonly ResolverHttpOptions s_quick = new(TimeSpan.FromSeconds(10), 2);
    private static readonly string[] s_versions = ["2.9.0", "3.0.0", "3.0.1", "3.0.7", "3.1.0", "3.4.2", "4.0.0-beta.1", "4.0.0", "4.2.0"];

    private readonly HttpClient _client = new();
    private ChartRepositoryServer _registry = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Host => _registry.BaseAddress.Authority;

    public async ValueTask InitializeAsync()
    {
        _registry = await ChartRepositoryServer.StartAsync();
        _registry.Serve("/.well-known/terraform.json", """{"modules.v1":"/v1/modules/","providers.v1":"/v1/providers/"}""");
        string versions = string.Join(',', s_versions.Select(v => $$"""{"version":"{{v}}"}"""));
        _registry.Serve("/v1/modules/terraform-aws-modules/vpc/aws/versions", $$"""{"modules":[{"source":"terraform-aws-modules/vpc/aws","versions":[{{versions}}]}]}""");
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        _client.Dispose();
    }

    [Theory]
    [InlineData("~> 3.0", "3.4.2")]
    [InlineData("~> 3.0.1", "3.0.7")]
    [InlineData("~> 3", "4.2.0")]
    [InlineData(">= 1.2, < 4.0", "3.4.2")]
    [InlineData(">= 3.0.0, < 3.1.0, != 3.0.7", "3.0.1")]
    [InlineData("= 3.0.1", "3.0.1")]
    [InlineData("3.0.1", "3.0.1")]
    [InlineData("!= 4.2.0", "4.0.0")]
    [InlineData("4.0.0-beta.1", "4.0.0-beta.1")]
    [InlineData(">= 4.0.0-beta.1, < 4.0.0", null)]
    [InlineData("", "4.2.0")]
    public async Task A_constraint_resolves_to_the_newest_version_it_admits(string constraint, string? expected)
    {
        ModuleRequest request = new("vpc", $"{Host}/terraform-aws-modules/vpc/aws", constraint, "infra/platform/main.tf", 12);

        if (expected is null)
        {
            SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(request, Ct));
            error.Kind.ShouldBe(FailureKind.Input);
            return;
        }

        ResolvedModule resolved = await Resolver().ResolveAsync(request, Ct);

        resolved.ShouldBe(new ResolvedModule("vpc", request.Source, constraint, expected, _registry.Url("v1/modules/terraform-aws-modules/vpc/aws/versions").AbsoluteUri));
    }

    [Fact]
    public async Task Discovery_and_versions_are_asked_once_and_the_default_host_goes_through_its_mirror()
    {
        var mirrors = new MirrorMap([new("registry.terraform.io", _registry.BaseAddress)]);
        var resolver = new TerraformModuleResolver(_client, mirrors, options: s_quick);

        ResolvedModule[] resolved = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            resolver.ResolveAsync(new ModuleRequest($"vpc{i}", "terraform-aws-modules/vpc/aws//modules/endpoints", i % 2 == 0 ? "~> 3.0" : "~> 4.0", "main.tf", i + 1), Ct)));

        resolved.Select(r => r.Version).Distinct().Order().ShouldBe(["3.4.2", "4.2.0"]);
        _registry.Requests("/.well-known/terraform.json").ShouldBe(1);
        _registry.Requests("/v1/modules/terraform-aws-modules/vpc/aws/versions").ShouldBe(1);
    }

    [Fact]
    public async Task No_version_satisfying_the_constraint_is_bad_input_naming_the_file_line_and_the_nearest()
    {
        SlipwayException error = await Should.ThrowAsync<SlipwayException>(
            () => Resolver().ResolveAsync(new ModuleRequest("vpc", $"{Host}/terraform-aws-modules/vpc/aws", "~> 5.0", "infra/main.tf", 7), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldBe(
            $"infra/main.tf:7: module \"vpc\": no version of {Host}/terraform-aws-modules/vpc/aws satisfies '~> 5.0' in {_registry.Url("v1/modules/terraform-aws-modules/vpc/aws/versions")}; "
            + "nearest available: 4.2.0, 4.0.0, 3.4.2 below; none above.");
    }

    [Theory]
    [InlineData("terraform-aws-modules/nope/aws", "~> 1.0", "the module {host}/terraform-aws-modules/nope/aws is not in the registry")]
    [InlineData("terraform-aws-modules/vpc/aws", "~> three", "version '~> three' is not a version constraint")]
    [InlineData("./modules/vpc", "1.0.0", "is not a module registry address")]
    public async Task Bad_requests_are_bad_input_naming_the_file_and_line(string path, string constraint, string problem)
    {
        string source = path.StartsWith('.') ? path : $"{Host}/{path}";

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => Resolver().ResolveAsync(new ModuleRequest("m", source, constraint, "main.tf", 3), Ct));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldStartWith("main.tf:3: module \"m\": ");
        error.Message.ShouldContain(problem.Replace("{host}", Host, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_that_is_no_registry_or_cannot_be_reached_is_reported_with_its_url()
    {
        await using ChartRepositoryServer plain = await ChartRepositoryServer.StartAsync();
        Uri closed;
        await using (ChartRepositoryServer gone = await ChartRepositoryServer.StartAsync())
        {
            closed = gone.BaseAddress;
        }

        SlipwayException notRegistry = await Should.ThrowAsync<SlipwayException>(
            () => Resolver().ResolveAsync(new ModuleRequest("m", $"{plain.BaseAddress.Authority}/a/b/c", "~> 1.0", "main.tf", 3), Ct));
        SlipwayException unreachable = await Should.ThrowAsync<SlipwayException>(
            () => Resolver().ResolveAsync(new ModuleRequest("m", $"{closed.Authority}/a/b/c", "~> 1.0", "main.tf", 3), Ct));

        notRegistry.Kind.ShouldBe(FailureKind.Input);
        notRegistry.Message.ShouldContain($"is not a Terraform registry ({plain.BaseAddress}.well-known/terraform.json answered 404 Not Found)");
        unreachable.Kind.ShouldBe(FailureKind.Failed);
        unreachable.Message.ShouldStartWith($"Could not reach the module registry at {closed}.well-known/terraform.json: ");
    }

    private TerraformModuleResolver Resolver() => new(_client, MirrorMap.None, options: s_quick);
}
