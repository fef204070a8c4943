using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;

namespace Slipway.LocalCluster.Controllers.Flux;

/// <summary>A GitRepository's <c>spec.ref</c>: a branch (default <c>master</c>, as in Flux), a tag, or a commit on a branch.</summary>
internal sealed record GitReference(string Branch, string? Tag, string? Commit)
{
    public static GitReference From(JsonObject gitRepository)
        => new(
            gitRepository.Str("spec", "ref", "branch") ?? "master",
            gitRepository.Str("spec", "ref", "tag"),
            gitRepository.Str("spec", "ref", "commit"));

    public override string ToString() => Tag is not null ? $"tag '{Tag}'" : Commit is not null ? $"commit '{Commit}'" : $"branch '{Branch}'";
}
