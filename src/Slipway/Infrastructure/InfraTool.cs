using Slipway.Hosting;

namespace Slipway.Infrastructure;

/// <summary>The binaries Slipway can drive (<c>infrastructure.tool</c>) and how to get them.</summary>
public static class InfraTool
{
    public const string Terraform = "terraform";
    public const string OpenTofu = "tofu";

    public static void EnsureKnown(string tool)
    {
        if (tool is not (Terraform or OpenTofu))
        {
            throw SlipwayException.Input($"infrastructure.tool is '{tool}'; it must be '{Terraform}' or '{OpenTofu}'.");
        }
    }

    /// <summary>
    /// Throws a message that names the binary and how to install it when it is not on PATH: bad setup, so exit 2 as the
    /// bootstrap's for a missing .NET SDK.
    /// </summary>
    public static void EnsureInstalled(string tool, IEnvironmentVariables environment)
    {
        string path = environment.Get("PATH") ?? string.Empty;
        foreach (string directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(directory, tool)) || File.Exists(Path.Combine(directory, tool + ".exe")))
            {
                return;
            }
        }

        string install = tool == OpenTofu
            ? "install OpenTofu (https://opentofu.org/docs/intro/install/)"
            : "install Terraform (https://developer.hashicorp.com/terraform/install, e.g. 'apt-get install terraform' from the HashiCorp apt repository)";
        string other = tool == OpenTofu ? Terraform : OpenTofu;
        throw SlipwayException.Input(
            $"'{tool}' was not found on PATH. To fix it, {install}, or set infrastructure.tool: {other} in the environment.");
    }
}
