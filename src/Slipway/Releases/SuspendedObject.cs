namespace Slipway.Releases;

/// <summary>
/// One reconciler an emergency stop suspended (an entry of <c>stops/&lt;env&gt;.yaml</c>): a Flux Kustomization or HelmRelease
/// (its <c>spec.suspend</c> before) or an Argo CD Application (its <c>spec.syncPolicy.automated</c> before, as JSON).
/// Resume puts back exactly what is recorded here.
/// </summary>
public sealed record SuspendedObject
{
    public required string Environment { get; init; }

    /// <summary><c>Kustomization</c>, <c>HelmRelease</c> or <c>Application</c>.</summary>
    public required string Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>Flux: whether <c>spec.suspend</c> was already true (Resume leaves it so).</summary>
    public bool WasSuspended { get; init; }

    /// <summary>Argo CD: the <c>spec.syncPolicy.automated</c> object before the stop, as JSON; null when automated sync was off.</summary>
    public string? Automated { get; init; }

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
