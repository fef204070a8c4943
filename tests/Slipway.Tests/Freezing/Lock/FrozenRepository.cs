using Slipway.Environments;
using Slipway.Freezing;
using Slipway.Freezing.Lock;
using Slipway.Tests.Environments;
using Slipway.Tests.Support;

namespace Slipway.Tests.Freezing.Lock;

/// <summary>A copy of the repository's base, ha and production layers in a temp repository, and a freeze over it.</summary>
internal sealed class FrozenRepository : IDisposable
{
    public FrozenRepository(FreezeResolvers resolvers)
    {
        foreach (string layer in new[] { "base", "ha", "production" })
        {
            string text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "environments", layer, "env.yaml")).ReplaceLineEndings("\n");
            int mirrors = text.IndexOf("\nfreeze:\n", StringComparison.Ordinal);
            Repository.Write($"{layer}/env.yaml", mirrors < 0 ? text : text[..(mirrors + 1)]); // asked directly: no local cluster here
        }

        Freeze = new EnvironmentFreeze(new FreezeContext(Repository.Root, Clock, new RecordingLog(), _ => resolvers));
    }

    public TempRepository Repository { get; } = new();

    public TestClock Clock { get; } = TestClock.At(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public EnvironmentFreeze Freeze { get; }

    public string LockPath => VersionLock.FullPath(Repository.Root, "production");

    public string LockText => File.ReadAllText(LockPath);

    public Task<EnvironmentCatalog> CatalogAsync() => EnvironmentCatalog.LoadAsync(Repository.Root, TestContext.Current.CancellationToken);

    public async Task<VersionLock> FreezeAsync(FreezeOptions? options = null)
        => await Freeze.FreezeAsync(await CatalogAsync(), "production", options ?? new FreezeOptions(), TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<string>> CheckAsync() => Freeze.Check(await CatalogAsync(), "production");

    /// <summary>Replaces <paramref name="old"/> by <paramref name="replacement"/> in environments/<paramref name="file"/>.</summary>
    public void Edit(string file, string old, string replacement)
    {
        string path = Path.Combine(Repository.Root, "environments", file);
        string text = File.ReadAllText(path);
        text.ShouldContain(old);
        File.WriteAllText(path, text.Replace(old, replacement, StringComparison.Ordinal));
    }

    public void Dispose() => Repository.Dispose();
}
