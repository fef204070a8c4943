using System.Text;
using Slipway.Environments.Yaml;
using Slipway.Yaml;

namespace Slipway.Environments.Review;

/// <summary>
/// A review environment's layer, made in memory and never written to <c>environments/</c>: it extends <see cref="Parent"/>
/// (<c>aio</c>, the all-in-one layer) and gives the environment what must be its own — the GitOps folder
/// <c>clusters/&lt;name&gt;</c>, the Terraform workspace <c>&lt;name&gt;</c> — while the local cluster, the deploy lease and
/// <c>.nuke/temp/&lt;name&gt;/</c> follow from the name as for any environment. Nothing of it is committed, so there is no
/// generated folder for Validate to trip over or for a teardown to forget; <see cref="EnvironmentCatalog.With"/> adds it to a run's catalogue.
/// </summary>
public static class ReviewLayer
{
    /// <summary>The layer every review environment extends.</summary>
    public const string Parent = "aio";

    /// <summary>
    /// <paramref name="catalog"/> with the layer of <paramref name="environment"/> when that is a review environment's name
    /// and no committed folder has it; else <paramref name="catalog"/> as it is.
    /// </summary>
    public static EnvironmentCatalog AddTo(EnvironmentCatalog catalog, string? environment)
        => ReviewEnvironmentName.IsReview(environment) && !catalog.Contains(environment!) ? catalog.With(Create(catalog, environment!)) : catalog;

    /// <summary>The layer of <paramref name="name"/> (a <see cref="ReviewEnvironmentName"/>) over <paramref name="catalog"/>'s <see cref="Parent"/>.</summary>
    /// <exception cref="SlipwayException">Bad input (exit 2): not a review name, no <c>aio</c> layer, or a committed folder of that name.</exception>
    public static EnvironmentLayer Create(EnvironmentCatalog catalog, string name)
    {
        ReviewEnvironmentName.RequireReview(name, "--env");
        if (catalog.Contains(name))
        {
            throw SlipwayException.Input(
                $"{EnvironmentCatalog.EnvironmentsFolder}/{name}/: review environments are made from {Parent} in memory, but a committed environment has this name; rename or remove that folder.");
        }

        catalog.Require(Parent, $"the review environment {name} extends");
        string file = $"{name} (review environment from {EnvironmentCatalog.EnvironmentsFolder}/{Parent})";
        YamlReadResult read = YamlTreeReader.Read(Render(name), file);
        var document = (ConfigMapping)read.Root!;
        var extends = new LayerReference(Parent, document.GetEntry(EnvironmentCatalog.ExtendsKey)!.KeyLocation);
        return new EnvironmentLayer(name, file, [document], [extends], read.Diagnostics);
    }

    /// <summary>The layer's text: what <c>environments/&lt;name&gt;/env.yaml</c> would hold.</summary>
    public static string Render(string name)
        => new StringBuilder()
            .Append("extends: [").Append(Parent).Append("]\n")
            .Append("description: ").Append(YamlScalarText.String($"Review environment {name} (from {Parent})")).Append('\n')
            .Append("gitops:\n  path: ").Append(YamlScalarText.String(GitOps.GitOpsPaths.Cluster(name))).Append('\n')
            .Append("infrastructure:\n  workspace: ").Append(name).Append('\n')
            .ToString();
}
