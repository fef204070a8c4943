using System.Text;

namespace Slipway.Targets.Parameters;

/// <summary>How member names become option names, and how names from different sources are compared.</summary>
internal static class NameConvention
{
    /// <summary><c>PlanFile</c> → <c>plan-file</c>; <c>GitHubToken</c> → <c>git-hub-token</c>.</summary>
    public static string ToKebabCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().TrimStart('_').Replace("_", "-", StringComparison.Ordinal);
    }

    /// <summary>The key names are compared by: lower case, without <c>-</c> and <c>_</c> (<c>PLAN_FILE</c> = <c>plan-file</c> = <c>PlanFile</c>).</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (c is not '-' and not '_')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
