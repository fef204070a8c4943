using System.Text.RegularExpressions;

namespace Slipway.Gates;

/// <summary><c>gates.branches</c>: only these branches (globs, <c>*</c> any text) deploy; a protected environment also refuses a dirty work tree.</summary>
public static class BranchGate
{
    public static IEnumerable<GateRefusal> Check(GateRequest request)
    {
        IReadOnlyList<string> allowed = request.Gates.Branches.Contains("*") ? [] : request.Gates.Branches; // '*': any branch, even one that cannot be told
        BranchEvidence branch = request.Branch;
        if (allowed.Count > 0 && branch.Name is null)
        {
            yield return new GateRefusal("branch", $"{request.Environment} deploys only from {Allowed(allowed)}",
                $"the branch cannot be told ({branch.Source})",
                "check out the branch (git switch main), or run in CI where GITHUB_REF_NAME or CI_COMMIT_BRANCH names it");
        }
        else if (allowed.Count > 0 && !allowed.Any(pattern => Matches(pattern, branch.Name!)))
        {
            yield return new GateRefusal("branch", $"{request.Environment} deploys only from {Allowed(allowed)} (gates.branches)",
                $"this run is on branch '{branch.Name}' ({branch.Source})",
                $"merge the change into {allowed[0]} and deploy from there");
        }

        if (request.Protected && branch.IsDirty)
        {
            string files = string.Join(", ", branch.DirtyFiles.Take(5)) + (branch.DirtyFiles.Count > 5 ? $" and {branch.DirtyFiles.Count - 5} more" : string.Empty);
            yield return new GateRefusal("branch", $"{request.Environment} is protected: it deploys only committed configuration",
                $"the work tree has uncommitted changes: {files}",
                "commit (and merge) or stash them (git status)");
        }
    }

    /// <summary>Whether <paramref name="branch"/> matches the glob <paramref name="pattern"/> (<c>*</c> matches any text, slashes included).</summary>
    public static bool Matches(string pattern, string branch)
        => Regex.IsMatch(branch, "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static string Allowed(IReadOnlyList<string> allowed) => string.Join(", ", allowed.Select(b => $"'{b}'"));
}
