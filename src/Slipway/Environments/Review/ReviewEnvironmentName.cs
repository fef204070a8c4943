using System.Security.Cryptography;
using System.Text;

namespace Slipway.Environments.Review;

/// <summary>
/// The name of a branch's review environment: <c>review-&lt;slug&gt;</c>, a Kubernetes DNS-1123 label (and so an environment,
/// workspace, cluster and GitOps folder name). The slug is the branch with A-Z lowercased, every run of characters
/// other than <c>a-z</c> and <c>0-9</c> one <c>-</c>, trimmed of <c>-</c>: <c>feature/Login_Page</c> → <c>review-feature-login-page</c>.
/// A name past 63 characters is cut and ends in <c>-</c> plus 8 hex digits of the SHA-256 of the branch, so two long branches
/// that share a prefix never get the same name.
/// </summary>
public static class ReviewEnvironmentName
{
    public const string Prefix = "review-";

    /// <summary>Hex digits of the branch's hash that end a shortened name.</summary>
    public const int HashLength = 8;

    /// <summary>The review environment of <paramref name="branch"/>.</summary>
    /// <exception cref="SlipwayException">Bad input (exit 2): the branch has no letter or digit left to name it.</exception>
    public static string For(string branch)
    {
        string slug = Slug(branch);
        if (slug.Length == 0)
        {
            throw SlipwayException.Input(
                $"The branch '{branch}' has no letter or digit (a-z, 0-9) to name a review environment after: pass one with --branch NAME (e.g. --branch feature-42).");
        }

        string name = Prefix + slug;
        if (name.Length <= EnvironmentName.MaxLength)
        {
            return name;
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(branch)))[..HashLength];
        string kept = name[..(EnvironmentName.MaxLength - HashLength - 1)].TrimEnd('-');
        return $"{kept}-{hash}";
    }

    /// <summary>True for a name this class makes (and only those may DestroyReview remove).</summary>
    public static bool IsReview(string? environment)
        => environment is { Length: > 7 } && environment.StartsWith(Prefix, StringComparison.Ordinal) && EnvironmentName.IsValid(environment);

    /// <summary>Throws (exit 2) unless <paramref name="environment"/> is a review environment's name: nothing else is ever torn down.</summary>
    public static string RequireReview(string environment, string parameter)
    {
        EnvironmentName.Require(environment, parameter);
        return IsReview(environment)
            ? environment
            : throw SlipwayException.Input(
                $"{parameter} {environment}: only a review environment (named {Prefix}…, made by DeployReview) can be destroyed; '{environment}' is not one, so nothing was touched.");
    }

    /// <summary>The branch as <c>[a-z0-9-]</c>: A-Z lowercased, every run of other characters one '-', trimmed.</summary>
    public static string Slug(string branch)
    {
        var slug = new StringBuilder(branch.Length);
        bool dash = false;
        foreach (char c in branch)
        {
            // ASCII only: 'é' or 'Ü' is a character outside a-z like any other (the result does not depend on ICU being present)
            char lower = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(lower);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return slug.ToString();
    }
}
