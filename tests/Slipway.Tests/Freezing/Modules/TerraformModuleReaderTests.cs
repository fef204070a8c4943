using Slipway.Freezing;
using Slipway.Freezing.Modules;
using Slipway.Tests.Support;

namespace Slipway.Tests.Freezing.Modules;

/// <summary>The registry modules of a stack's <c>*.tf</c> files, with their file and line.</summary>
public sealed class TerraformModuleReaderTests
{
    [Fact]
    public void Registry_module_blocks_are_found_with_the_line_of_their_version()
    {
        using var stack = new TempDirectory();
        string main = stack.Write("main.tf", """
            # module "commented" { source = "a/b/c" }
            module "vpc" {
              source  = "terraform-aws-modules/vpc/aws"
              version = "~> 5.0" # the 5.x line

              tags = { Name = "x}" }
              nested {
                version = "not this one"
              }
            }

            module "local" {
              source = "./modules/web"
            }

            module "git" {
              source = "git::https://example.com/network.git?ref=v1.2.0"
            }

            module "eks" {
              source = "app.terraform.io/acme/eks/aws//modules/node-group"
            }
            """);
        string other = stack.Write("versions.tf", """
            module "dns" {
              version = ">= 1.2, < 2.0"
              source  = "registry.terraform.io/hashicorp/dns/google"
            }
            """);
        stack.Write("sub/ignored.tf", "module \"x\" {\n  source = \"a/b/c\"\n  version = \"1.0.0\"\n}\n");

        IReadOnlyList<ModuleRequest> modules = TerraformModuleReader.Read(stack.Path);

        modules.ShouldBe([
            new ModuleRequest("vpc", "terraform-aws-modules/vpc/aws", "~> 5.0", main, 4),
            new ModuleRequest("eks", "app.terraform.io/acme/eks/aws//modules/node-group", "", main, 20),
            new ModuleRequest("dns", "registry.terraform.io/hashicorp/dns/google", ">= 1.2, < 2.0", other, 2),
        ]);
    }

    [Fact]
    public void A_missing_stack_folder_is_bad_input()
        => Should.Throw<SlipwayException>(() => TerraformModuleReader.Read("/nonexistent/stack")).Kind.ShouldBe(FailureKind.Input);
}
