using Slipway.Environments;
using Slipway.Environments.Validation;
using Slipway.Freezing;
using Slipway.Freezing.Lock;
using Slipway.Tests.Freezing.Images;

namespace Slipway.Tests.Freezing.Lock;

public sealed class VersionLockFaultTests
{
    [Theory]
    [InlineData("environment: production\noperator: [\"==\"\n", 2)]
    [InlineData("environment: production\noperator: \"<=\"\nconfiguration:\n  hash: x\nentries: []\n", 2)]
    [InlineData("environment: production\noperator: \"==\"\n", 1)]
    public void A_corrupt_lock_is_bad_input_naming_the_file_and_line(string text, int line)
    {
        SlipwayException error = Should.Throw<SlipwayException>(() => VersionLockReader.Parse(text, "environments/production/versions.lock.yaml"));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldStartWith($"environments/production/versions.lock.yaml:{line}: ");
    }

    [Fact]
    public async Task A_hand_edited_entry_is_refused_naming_the_entry_and_validate_reports_it()
    {
        await using FrozenRepository repository = await FrozenRepository.StartAsync();
        await repository.FreezeAsync();
        File.WriteAllText(repository.LockPath, repository.LockText.Replace("resolved: \"65.1.1\"", "resolved: \"66.0.0\"", StringComparison.Ordinal));

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(repository.CheckAsync);

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("versions.lock.yaml:");
        error.Message.ShouldContain("entry platform.releases.kube-prometheus-stack.version was edited by hand");
        ValidationResult validation = EnvironmentValidator.Validate(await repository.CatalogAsync(), "production");
        validation.Diagnostics.ShouldContain(d => d.Code == EnvironmentDiagnosticCodes.UnreadableLock && d.File == "environments/production/versions.lock.yaml" && d.Line > 1);
        await Should.ThrowAsync<SlipwayException>(() => repository.FreezeAsync(new FreezeOptions(Only: "web")));
        (await repository.FreezeAsync()).Find("platform.releases.kube-prometheus-stack.version")!.Resolved.ShouldBe("65.1.1");
        repository.Log.Lines.ShouldContain(line => line.StartsWith("warning: environments/production/versions.lock.yaml:", StringComparison.Ordinal) && line.Contains("edited by hand", StringComparison.Ordinal));
        (await repository.CheckAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreachable_repository_fails_naming_it_and_leaves_the_lock_untouched()
    {
        await using FrozenRepository repository = await FrozenRepository.StartAsync();
        await repository.FreezeAsync();
        string before = repository.LockText;
        repository.Edit("production/env.yaml", "tag: 1.0.0", "tag: 1.0.1");
        repository.Edit("base/env.yaml", "  mirrors:\n", "  mirrors:\n    \"https://prometheus-community.github.io/\": http://127.0.0.1:1/unreachable/\n");

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => repository.FreezeAsync());

        error.Kind.ShouldBe(FailureKind.Failed);
        error.Message.ShouldContain("http://127.0.0.1:1/unreachable/helm-charts/index.yaml");
        repository.LockText.ShouldBe(before);
        Directory.GetFiles(Path.GetDirectoryName(repository.LockPath)!).Select(Path.GetFileName).Order().ShouldBe(["env.yaml", "versions.lock.yaml"]);
    }

    [Fact]
    public async Task A_tag_the_registry_does_not_have_is_bad_input_and_the_lock_stays()
    {
        await using FrozenRepository repository = await FrozenRepository.StartAsync();
        await repository.FreezeAsync();
        string before = repository.LockText;
        repository.Edit("production/env.yaml", "tag: 1.0.0", "tag: 9.9.9");

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => repository.FreezeAsync());

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldContain("9.9.9");
        repository.LockText.ShouldBe(before);
        (await repository.CheckAsync()).ShouldHaveSingleItem().ShouldContain("now '9.9.9'");
    }

    [Fact]
    public async Task A_private_registry_is_asked_with_the_login_its_env_references_name()
    {
        await using FrozenRepository repository = await FrozenRepository.StartAsync();
        string digest = repository.Registry.Push("private/web", "1.0.0");
        repository.Edit("base/env.yaml", $"registry.local: {repository.Registry.BaseAddress}public", $"registry.local: {repository.Registry.BaseAddress}private");
        File.AppendAllText(Path.Combine(repository.Repository.Root, "environments", "production", "env.yaml"),
            "freeze:\n  registries:\n    registry.local:\n      username: ${env:REG_USER}\n      password: ${env:REG_TOKEN}\n");

        SlipwayException unset = await Should.ThrowAsync<SlipwayException>(() => repository.FreezeAsync());
        bool lockAfterUnset = File.Exists(repository.LockPath);
        repository.Variables["REG_USER"] = TokenRegistryServer.User;
        repository.Variables["REG_TOKEN"] = TokenRegistryServer.Password;
        VersionLock made = await repository.FreezeAsync();

        unset.Kind.ShouldBe(FailureKind.Input);
        unset.Message.ShouldContain("REG_USER");
        unset.Message.ShouldContain("environments/production/env.yaml:");
        lockAfterUnset.ShouldBeFalse();
        made.Find("apps.web.tag")!.Resolved.ShouldBe(digest);
        repository.LockText.ShouldNotContain(TokenRegistryServer.Password);
        repository.Log.Secrets.ShouldContain(TokenRegistryServer.Password);
    }
}
