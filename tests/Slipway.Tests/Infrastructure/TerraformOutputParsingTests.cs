using Slipway.Infrastructure;
using Slipway.Processes;

namespace Slipway.Tests.Infrastructure;

public sealed class TerraformOutputParsingTests
{
    private const string LockOutput = """
        Error: Error acquiring the state lock

        Error message: resource temporarily unavailable
        Lock Info:
          ID:        3e2aa892-1722-7470-e448-f4f1d0a19888
          Path:      terraform.tfstate.d/dev/terraform.tfstate
          Operation: OperationTypeApply
          Who:       ci@runner-7
          Version:   1.11.4
          Created:   2026-11-23 10:14:34.571009801 +0000 UTC
          Info:

        Terraform acquires a state lock to protect the state from being written
        by multiple users at the same time.
        """;

    private static readonly InfraOptions s_options = new()
    {
        RepositoryRoot = "/repo",
        StackDirectory = "/repo/infra/platform",
        Environment = "staging",
    };

    [Fact]
    public void Error_blocks_keep_terraform_text_and_location_and_skip_warnings()
    {
        const string Output = """
            There are some problems with the CLI configuration:
            ╷
            │ Warning: Unable to open CLI configuration file
            │
            │ The CLI configuration file at "/root/.terraformrc" does not exist.
            ╵

            Error: Invalid expression

              on broken.tf line 3, in resource "terraform_data" "b":
               3:   oops =

            Expected the start of an expression.

            ╷
            │ Error: Unsupported argument
            │
            │   on main.tf line 12:
            │   12:   bogus = 1
            ╵
            """;

        IReadOnlyList<TerraformDiagnostic> errors = TerraformText.ParseErrors(Output, f => "infra/platform/" + f);

        errors.Select(static e => (e.Summary, e.File, e.Line)).ShouldBe(
        [
            ("Invalid expression", "infra/platform/broken.tf", 3),
            ("Unsupported argument", "infra/platform/main.tf", 12),
        ]);
        errors[0].Format().ShouldStartWith("infra/platform/broken.tf:3: error: Invalid expression");
        errors[0].Format().ShouldContain("    Expected the start of an expression.");
    }

    [Fact]
    public void Held_lock_is_a_refusal_naming_the_lock_holder_and_the_unlock_command()
    {
        SlipwayException error = TerraformFailure.From(s_options, "plan", new ProcessResult(1, string.Empty, LockOutput, TimeSpan.Zero));

        error.Kind.ShouldBe(FailureKind.Refused);
        error.Message.ShouldContain("Lock ID:   3e2aa892-1722-7470-e448-f4f1d0a19888");
        error.Message.ShouldContain("Held by:   ci@runner-7");
        error.Message.ShouldContain("Operation: OperationTypeApply");
        error.Message.ShouldContain("cd infra/platform && TF_WORKSPACE=staging terraform force-unlock 3e2aa892-1722-7470-e448-f4f1d0a19888");
    }

    [Theory]
    [InlineData("Error: Saved plan is stale\n\nThe given plan file can no longer be applied.", FailureKind.Refused, "Run PlanInfra again: ./build.sh PlanInfra --env staging")]
    [InlineData("Error: Invalid count argument\n\n  on main.tf line 4:\n", FailureKind.Input, "infra/platform/main.tf:4: error: Invalid count argument")]
    [InlineData("Error: Failed to read state\n\nno such backend", FailureKind.Failed, "terraform plan failed (exit code 1) in infra/platform:")]
    [InlineData("panic: something odd", FailureKind.Failed, "panic: something odd")]
    public void Failures_read_well(string stderr, FailureKind kind, string expected)
    {
        SlipwayException error = TerraformFailure.From(s_options, "plan", new ProcessResult(1, string.Empty, stderr, TimeSpan.Zero));

        error.Kind.ShouldBe(kind);
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Apply_errors_with_a_location_are_failures_not_input()
    {
        SlipwayException error = TerraformFailure.From(s_options, "apply", new ProcessResult(1, string.Empty, "Error: API said no\n\n  on main.tf line 4:\n", TimeSpan.Zero));

        error.Kind.ShouldBe(FailureKind.Failed);
    }

    [Fact]
    public void Format_diff_points_at_the_first_changed_line_of_each_file()
    {
        const string Diff = """
            main.tf
            --- old/main.tf
            +++ new/main.tf
            @@ -10,7 +10,7 @@
             resource "terraform_data" "a" {
               input = {
                 name = "a"
            -  b = 1
            +    b = 1
               }
             }
            modules/net/net.tf
            --- old/modules/net/net.tf
            +++ new/modules/net/net.tf
            @@ -1,3 +1,3 @@
            -x=1
            +x = 1
            """;

        IReadOnlyList<TerraformDiagnostic> findings = FormatDiff.Parse(Diff, "terraform", static f => f);

        findings.Select(static f => (f.File, f.Line)).ShouldBe([("main.tf", 13), ("modules/net/net.tf", 1)]);
        findings[0].Detail.ShouldContain("run 'terraform fmt'");
    }

    [Fact]
    public void Validate_json_diagnostics_carry_file_and_line()
    {
        const string Json = """
            {"valid":false,"diagnostics":[
              {"severity":"error","summary":"Unsupported block type","detail":"Blocks of type \"x\" are not expected here.","range":{"filename":"main.tf","start":{"line":7,"column":1}}},
              {"severity":"warning","summary":"Deprecated","detail":""}
            ]}
            """;

        IReadOnlyList<TerraformDiagnostic> diagnostics = ValidateOutput.Parse(Json, static f => "infra/platform/" + f);

        diagnostics[0].Format().ShouldStartWith("infra/platform/main.tf:7: error: Unsupported block type");
        diagnostics[1].IsError.ShouldBeFalse();
        diagnostics[1].Format().ShouldBe("warning: Deprecated");
    }

    [Fact]
    public void Hcl_blocks_are_cut_by_braces_outside_strings_and_comments()
    {
        const string Hcl = """
            # terraform { not a block }
            terraform {
              backend "s3" { key = "a}b" }
            }
            resource "x" "y" {
              input = "{"
            }
            module "m" {
              source = "./m"
            }
            """;

        string[] blocks = [.. HclBlocks.TopLevel(Hcl, static h => h.StartsWith("terraform", StringComparison.Ordinal) || h.StartsWith("module", StringComparison.Ordinal))];

        blocks.Length.ShouldBe(2);
        blocks[0].ShouldStartWith("terraform {");
        blocks[0].ShouldEndWith("}\n}");
        blocks[1].ShouldStartWith("module \"m\"");
    }
}
