using Slipway.Environments.Yaml;
using Slipway.Freezing.Discovery;
using Slipway.Freezing.Lock;

namespace Slipway.Freezing;

/// <summary>
/// Resolves the floating versions of an environment (all at once, in parallel) and makes its new lock. Nothing is written
/// here: a resolver failure (an unreachable repository, a missing tag) propagates before any lock exists, so the file on
/// disk stays as it was. An entry that resolved to what the old lock holds keeps its <c>resolvedAt</c>; with
/// <see cref="FreezeRequest.Only"/> every other entry is kept as it was.
/// </summary>
public sealed class Freezer(FreezeResolvers resolvers, TimeProvider time)
{
    public async Task<VersionLock> FreezeAsync(FreezeRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<FloatingVersion> floating = FloatingVersionFinder.Find(request.Environment, request.Modules);
        IReadOnlyList<FloatingVersion> toResolve = floating;
        var kept = new List<LockEntry>();
        if (request.Only is { } only)
        {
            toResolve = [.. floating.Where(f => Matches(f.Key, only))];
            if (toResolve.Count == 0)
            {
                throw SlipwayException.Input($"--only {only}: no floating version has that key or name; known: {string.Join(", ", floating.Select(f => f.Key))}");
            }

            if (request.Existing is null)
            {
                throw SlipwayException.Input($"--only {only} refreshes one entry of an existing lock, and {VersionLock.RelativePath(request.Environment.Name)} does not exist: run ./build.sh Freeze --env {request.Environment.Name} first");
            }

            HashSet<string> refreshed = [.. toResolve.Select(f => f.Key)];
            HashSet<string> current = [.. floating.Select(f => f.Key)];
            kept.AddRange(request.Existing.Entries.Where(e => !refreshed.Contains(e.Key) && current.Contains(e.Key)));
        }

        DateTimeOffset now = time.GetUtcNow();
        now = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        LockEntry[] resolved = await Task.WhenAll(toResolve.Select(f => ResolveAsync(f, request, now, cancellationToken))).ConfigureAwait(false);
        var fingerprint = ConfigurationFingerprint.Of(request.Environment.Root);
        return new VersionLock(request.Environment.Name, request.Operator, fingerprint, [.. VersionLockWriter.Sorted(kept.Concat(resolved))]);
    }

    /// <summary>Whether <paramref name="only"/> names the entry of <paramref name="key"/>: the key itself, or its name (<c>web</c>, <c>ingress-nginx</c>).</summary>
    public static bool Matches(string key, string only)
    {
        if (key == only)
        {
            return true;
        }

        IReadOnlyList<string>? parts = ConfigPath.Parse(key);
        return parts is { Count: >= 2 } && (parts[0] == "modules" ? parts[^1] : parts[^2]) == only;
    }

    private async Task<LockEntry> ResolveAsync(FloatingVersion floating, FreezeRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (string resolved, string source) = floating.Kind switch
        {
            LockEntryKind.Chart => await ChartAsync(floating.Chart!, cancellationToken).ConfigureAwait(false),
            LockEntryKind.Image => await ImageAsync(floating.Image!, cancellationToken).ConfigureAwait(false),
            _ => await ModuleAsync(floating.Module!, cancellationToken).ConfigureAwait(false),
        };
        string pin = PinOperators.Pin(request.Operator, floating.Kind, floating.Requested, resolved);
        var entry = new LockEntry(floating.Kind, floating.Key, floating.Subject, floating.Requested)
        {
            Resolved = resolved,
            Pin = pin,
            Source = request.DescribeSource(source),
            ResolvedAt = now,
        };
        return request.Existing?.Find(floating.Key) is { } old && old.SameResolution(entry) ? entry with { ResolvedAt = old.ResolvedAt } : entry;
    }

    private async Task<(string, string)> ChartAsync(ChartRequest chart, CancellationToken cancellationToken)
    {
        ResolvedChart result = await resolvers.Charts.ResolveAsync(chart, cancellationToken).ConfigureAwait(false);
        return (result.Version, result.Source);
    }

    private async Task<(string, string)> ImageAsync(ImageRequest image, CancellationToken cancellationToken)
    {
        ResolvedImage result = await resolvers.Images.ResolveAsync(image, cancellationToken).ConfigureAwait(false);
        return (result.Digest, result.Source);
    }

    private async Task<(string, string)> ModuleAsync(ModuleRequest module, CancellationToken cancellationToken)
    {
        IModuleResolver resolver = resolvers.Modules ?? throw SlipwayException.Input($"{module.File}:{module.Line}: module '{module.Name}' has a version constraint but no module registry resolver is configured");
        ResolvedModule result = await resolver.ResolveAsync(module, cancellationToken).ConfigureAwait(false);
        return (result.Version, result.SourceUrl);
    }
}
