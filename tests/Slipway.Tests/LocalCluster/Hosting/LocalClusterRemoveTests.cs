using Slipway.IO;
using Slipway.LocalCluster.Hosting;
using Slipway.Tests.Support;

namespace Slipway.Tests.LocalCluster.Hosting;

/// <summary>Removing one local cluster for good (DestroyReview): its state folder and its kubeconfig context, the others kept.</summary>
public sealed class LocalClusterRemoveTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string KubeconfigPath => LocalClusterLayout.KubeconfigPath(_directory.Path);

    [Fact]
    public async Task Remove_deletes_the_state_and_the_context_and_keeps_the_other_clusters()
    {
        _directory.Write("review-a/state.json", "{}");
        await Kubeconfig.WriteAsync(KubeconfigPath, "slipway-dev", new Uri("http://127.0.0.1:4001"), Ct);
        await Kubeconfig.WriteAsync(KubeconfigPath, "slipway-review-a", new Uri("http://127.0.0.1:4002"), Ct);

        bool removed = await LocalClusterCommands.RemoveAsync(_directory.Path, "review-a", Ct);

        removed.ShouldBeTrue();
        Directory.Exists(_directory.Combine("review-a")).ShouldBeFalse();
        string kubeconfig = await File.ReadAllTextAsync(KubeconfigPath, Ct);
        kubeconfig.ShouldNotContain("slipway-review-a");
        kubeconfig.ShouldContain("- name: slipway-dev");
        kubeconfig.ShouldContain("current-context: slipway-dev");
    }

    [Fact]
    public async Task Remove_of_the_only_cluster_deletes_the_kubeconfig_and_a_second_remove_finds_nothing()
    {
        _directory.Write("review-a/state.json", "{}");
        await Kubeconfig.WriteAsync(KubeconfigPath, "slipway-review-a", new Uri("http://127.0.0.1:4002"), Ct);

        (await LocalClusterCommands.RemoveAsync(_directory.Path, "review-a", Ct)).ShouldBeTrue();
        (await LocalClusterCommands.RemoveAsync(_directory.Path, "review-a", Ct)).ShouldBeFalse();

        File.Exists(KubeconfigPath).ShouldBeFalse();
    }

    [Fact]
    public async Task Remove_of_a_served_cluster_is_refused_and_keeps_it()
    {
        _directory.Write("review-a/state.json", "{}");
        using FileLock served = FileLock.TryExclusive(_directory.Combine("review-a", "lock")).ShouldNotBeNull();

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => LocalClusterCommands.RemoveAsync(_directory.Path, "review-a", Ct));

        error.Kind.ShouldBe(FailureKind.Refused);
        error.Message.ShouldContain("is being served by another process; stop that run (Ctrl+C), then run this again.");
        File.Exists(_directory.Combine("review-a", "state.json")).ShouldBeTrue();
    }
}
