namespace Slipway.Cluster;

/// <summary>A custom resource kind Slipway drives: where it lives in the API.</summary>
public sealed record CustomResource(string Group, string Version, string Plural, string Kind)
{
    public static readonly CustomResource GitRepository = new("source.toolkit.fluxcd.io", "v1", "gitrepositories", "GitRepository");
    public static readonly CustomResource Kustomization = new("kustomize.toolkit.fluxcd.io", "v1", "kustomizations", "Kustomization");
    public static readonly CustomResource HelmRelease = new("helm.toolkit.fluxcd.io", "v2", "helmreleases", "HelmRelease");
    public static readonly CustomResource Application = new("argoproj.io", "v1alpha1", "applications", "Application");

    public string ApiVersion => $"{Group}/{Version}";

    public static CustomResource? FindByKind(string apiVersion, string kind)
        => new[] { GitRepository, Kustomization, HelmRelease, Application }.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);
}
