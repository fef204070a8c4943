namespace Slipway.Tests;

/// <summary>Every <c>.nuke/temp</c> path Slipway uses comes from one type.</summary>
public sealed class SlipwayPathsTests
{
    [Fact]
    public void Every_path_lives_under_nuke_temp_of_the_root()
    {
        var paths = new SlipwayPaths("/repo");

        paths.Temp.ShouldBe(Path.Combine("/repo", ".nuke", "temp"));
        paths.GitOpsRemote.ShouldBe(Path.Combine("/repo", ".nuke", "temp", "gitops-remote.git"));
        paths.GitOpsWorkDirectory.ShouldBe(Path.Combine("/repo", ".nuke", "temp", "gitops"));
        paths.LocalCluster.ShouldBe(Path.Combine("/repo", ".nuke", "temp", "local-cluster"));
        paths.TerraformPluginCache.ShouldBe(Path.Combine("/repo", ".nuke", "temp", "terraform-plugin-cache"));
        paths.Environment("staging").ShouldBe(Path.Combine("/repo", ".nuke", "temp", "staging"));
    }

    [Fact]
    public void Only_SlipwayPaths_spells_out_nuke_temp_in_the_domain()
    {
        List<string> spelled = Directory.EnumerateFiles(Support.RepositoryPaths.Combine("src", "Slipway"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Support.RepositoryPaths.Combine("src", "Slipway.LocalCluster"), "*.cs", SearchOption.AllDirectories))
            .Where(static f => Path.GetFileName(f) != "SlipwayPaths.cs" && File.ReadAllText(f).Contains("\".nuke\"", StringComparison.Ordinal))
            .ToList();

        spelled.ShouldBeEmpty();
    }
}
