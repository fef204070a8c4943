using System.Text.RegularExpressions;

namespace Slipway.GitOps;

/// <summary>Checks the names that become Kubernetes object names and folders of the GitOps repository.</summary>
public static partial class KubernetesNames
{
    /// <summary>Throws an input error unless <paramref name="name"/> is a DNS-1123 label (lowercase, digits, '-', at most 63).</summary>
    public static void Require(string name, string what)
    {
        if (!Label().IsMatch(name))
        {
            throw SlipwayException.Input($"The {what} name '{name}' is not a valid Kubernetes name: use lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit.");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();
}
