using Slipway.Infrastructure;

namespace Slipway.Tests.Infrastructure;

/// <summary>Errors that only planning finds arrive as <c>diagnostic</c> messages of <c>plan -json</c>: reported with file:line.</summary>
public sealed class PlanStreamFailureTests
{
    private const string Precondition = """
        resource "terraform_data" "guarded" {
          input = var.node_count

          lifecycle {
            precondition {
              condition     = var.node_count > 2
              error_message = "At least 3 nodes, got ${var.node_count}."
            }
          }
        }

        """;

    [Fact]
    public async Task A_failed_precondition_names_the_file_and_line_and_terraforms_message()
    {
        using var stack = new StackCopy();
        File.WriteAllText(Path.Combine(stack.Stack, "guarded.tf"), Precondition);

        SlipwayException error = await Should.ThrowAsync<SlipwayException>(() => stack.PlanAsync("guarded"));

        error.Kind.ShouldBe(FailureKind.Input);
        error.Message.ShouldStartWith("terraform plan failed (exit code 1) in infra/platform:");
        error.Message.ShouldContain("infra/platform/guarded.tf:6: error: Resource precondition failed" + Environment.NewLine + "    At least 3 nodes, got 2.");
        error.Message.ShouldNotContain("\"@level\"");
        File.Exists(Path.Combine(stack.Temp("guarded"), InfraPlanner.PlanFileName)).ShouldBeFalse();
        File.Exists(Path.Combine(stack.Temp("guarded"), InfraPlanner.PlanFileName + ".partial")).ShouldBeFalse();
    }
}
