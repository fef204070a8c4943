using Slipway.Environments;

namespace Slipway.Tests.Environments;

public sealed class DiagnosticFormatterTests
{
    private static readonly Diagnostic s_error = new("environments/production/env.yaml", 12, 5, DiagnosticSeverity.Error, "SLW0103",
        "unknown key 'replcas' (did you mean 'replicas'?)");

    [Fact]
    public void Formats_like_a_compiler()
        => DiagnosticFormatter.Format(s_error).ShouldBe(
            "environments/production/env.yaml(12,5): error SLW0103: unknown key 'replcas' (did you mean 'replicas'?)");

    [Fact]
    public void Formats_github_actions_commands_with_escaping()
    {
        Diagnostic warning = s_error with { Severity = DiagnosticSeverity.Warning, Message = "50% done\nnext" };

        DiagnosticFormatter.FormatGitHubActions(warning).ShouldBe(
            "::warning file=environments/production/env.yaml,line=12,col=5,title=SLW0103::SLW0103: 50%25 done%0Anext");
    }

    [Fact]
    public void Formats_all_with_github_lines_after_each()
        => DiagnosticFormatter.FormatAll([s_error], gitHubActions: true).Count.ShouldBe(2);
}
