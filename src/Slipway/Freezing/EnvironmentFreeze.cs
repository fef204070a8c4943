using Slipway.Cluster.Connection;
using Slipway.Environments;
using Slipway.Freezing.Lock;
using Slipway.Freezing.Modules;
using Slipway.IO;

namespace Slipway.Freezing;

/// <summary>
/// The Freeze target's library. <see cref="FreezeAsync"/> resolves every floating version of an environment (through its
/// mirrors, starting the local cluster a <c>local</c> mirror needs) and writes its lock atomically, only once everything
/// resolved. <see cref="Check"/> compares the lock with the configuration, offline.
/// </summary>
public sealed class EnvironmentFreeze(FreezeContext context)
{
    public async Task<VersionLock> FreezeAsync(EnvironmentCatalog catalog, string environment, FreezeOptions options, CancellationToken cancellationToken)
    {
        ResolvedEnvironment unlocked = ResolveUnlocked(catalog, environment);
        VersionLock? existing = await ReadExistingAsync(environment, options, cancellationToken).ConfigureAwait(false);
        var settings = FreezeSettings.From(unlocked);
        StartedLocalCluster? mirror = settings.UsesLocalMirror ? await StartMirrorAsync(unlocked, cancellationToken).ConfigureAwait(false) : null;
        try
        {
            string? local = mirror?.BaseAddress.ToString().TrimEnd('/');
            var request = new FreezeRequest(unlocked, existing, options.Operator)
            {
                Only = options.Only,
                Modules = Modules(unlocked),
                DescribeSource = source => local is not null && source.StartsWith(local, StringComparison.OrdinalIgnoreCase) ? "local:" + source[local.Length..] : source,
            };
            var freezer = new Freezer(context.Resolvers(settings, settings.Map(mirror?.BaseAddress)), context.Time);
            VersionLock made = await freezer.FreezeAsync(request, cancellationToken).ConfigureAwait(false);
            string path = VersionLock.FullPath(context.RepositoryRoot, environment);
            await AtomicFile.WriteAllTextAsync(path, VersionLockWriter.Render(made), cancellationToken).ConfigureAwait(false);
            return made;
        }
        finally
        {
            if (mirror is not null)
            {
                await mirror.Owner.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The lock there is. One that cannot be read (corrupt, an entry edited by hand) is replaced by a whole freeze, with a
    /// warning saying why; <c>--only</c> needs a readable one, so there it stays bad input.
    /// </summary>
    private async Task<VersionLock?> ReadExistingAsync(string environment, FreezeOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await VersionLockReader.ReadIfExistsAsync(context.RepositoryRoot, environment, cancellationToken).ConfigureAwait(false);
        }
        catch (SlipwayException unreadable) when (unreadable.Kind == FailureKind.Input && options.Only is null)
        {
            context.Log.Warning($"{unreadable.Message}: freezing {environment} anew replaces it");
            return null;
        }
    }

    /// <summary>
    /// What is wrong with <paramref name="environment"/>'s lock (empty when it is current). A lock that cannot be read
    /// (corrupt, an entry edited by hand) throws: bad input naming the file and line.
    /// </summary>
    public IReadOnlyList<string> Check(EnvironmentCatalog catalog, string environment)
    {
        ResolvedEnvironment unlocked = ResolveUnlocked(catalog, environment);
        return LockStaleness.Check(unlocked, VersionLockReader.ReadIfExists(context.RepositoryRoot, environment), Modules(unlocked));
    }

    /// <summary>Throws a <see cref="SlipwayException"/> of <paramref name="kind"/> with the readable diff when the lock is missing or stale.</summary>
    public void RequireCurrent(EnvironmentCatalog catalog, string environment, FailureKind kind, string verdict)
    {
        IReadOnlyList<string> problems = Check(catalog, environment);
        if (problems.Count > 0)
        {
            throw new SlipwayException(kind, LockStaleness.Explain(environment, problems, verdict));
        }
    }

    /// <summary>
    /// The registry module blocks of the environment's stack (<c>infrastructure.stack</c>; none without one), each named by
    /// its repository-relative file.
    /// </summary>
    private IReadOnlyList<ModuleRequest> Modules(ResolvedEnvironment environment)
    {
        if (environment.Root.Find("infrastructure.stack")?.Value is not Environments.Yaml.ConfigScalar { IsNull: false } stack)
        {
            return [];
        }

        string folder = Path.GetFullPath(Path.Combine(context.RepositoryRoot, stack.Value));
        return [.. TerraformModuleReader.Read(folder).Select(module => module with { File = Path.GetRelativePath(context.RepositoryRoot, module.File).Replace('\\', '/') })];
    }

    private static ResolvedEnvironment ResolveUnlocked(EnvironmentCatalog catalog, string environment)
    {
        ResolvedEnvironment unlocked = catalog.Resolve(environment, applyLock: false);
        List<Diagnostic> errors = [.. unlocked.Diagnostics.Where(d => d.IsError)];
        if (errors.Count > 0)
        {
            throw SlipwayException.Input($"{string.Join(Environment.NewLine, errors.Select(DiagnosticFormatter.Format))}{Environment.NewLine}"
                + $"{environment} cannot be frozen until these are fixed (./build.sh Validate --env {environment})");
        }

        return unlocked;
    }

    private async Task<StartedLocalCluster> StartMirrorAsync(ResolvedEnvironment environment, CancellationToken cancellationToken)
    {
        ILocalClusterStarter starter = context.LocalClusters
            ?? throw SlipwayException.Input($"{environment.Name}: freeze.mirrors names the local mirror, but this host cannot start a local cluster");
        bool local = environment.Root.Find("cluster.local")?.Value is Environments.Yaml.ConfigScalar { Value: "true" };
        string cluster = local ? environment.Name : FreezeContext.MirrorClusterName;
        var paths = new SlipwayPaths(context.RepositoryRoot);
        context.Log.Info($"Freeze: asking the local cluster's chart mirror and registry (local cluster '{cluster}')");
        return await starter.StartAsync(new LocalClusterStartRequest(paths.LocalCluster, cluster, context.SeedImages), cancellationToken).ConfigureAwait(false);
    }
}
