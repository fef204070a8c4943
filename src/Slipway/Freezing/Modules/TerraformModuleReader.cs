using System.Text.RegularExpressions;

namespace Slipway.Freezing.Modules;

/// <summary>
/// Finds the registry modules of a Terraform stack: the <c>module "x" { source = "…" version = "…" }</c> blocks of the
/// folder's <c>*.tf</c> files (the root module; not sub-folders), read line by line (one attribute per line, as
/// <c>terraform fmt</c> writes them; comments and strings are skipped when braces are counted). Local, git, URL and archive
/// sources are left out, since they have no registry version. <see cref="ModuleRequest.Line"/> is the line of
/// <c>version</c>, or of the block when it has none (an empty <see cref="ModuleRequest.Constraint"/>: the newest release).
/// </summary>
public static partial class TerraformModuleReader
{
    public static IReadOnlyList<ModuleRequest> Read(string stackDirectory)
    {
        if (!Directory.Exists(stackDirectory))
        {
            throw SlipwayException.Input($"The Terraform stack folder {stackDirectory} does not exist.");
        }

        return [.. Directory.EnumerateFiles(stackDirectory, "*.tf").Order(StringComparer.Ordinal).SelectMany(static file => ReadFile(file, File.ReadAllLines(file)))];
    }

    /// <summary>The registry module requests in the lines of one file.</summary>
    public static IEnumerable<ModuleRequest> ReadFile(string file, IReadOnlyList<string> lines)
    {
        (string Name, int Line)? block = null;
        string? source = null;
        (string Value, int Line)? version = null;
        int depth = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = Code(lines[i]);
            if (depth == 0 && ModuleStart().Match(line) is { Success: true } start)
            {
                block = (start.Groups[1].Value, i + 1);
                source = null;
                version = null;
            }
            else if (block is not null && depth == 1 && Attribute().Match(line) is { Success: true } attribute)
            {
                string value = Unescape(attribute.Groups[2].Value);
                if (attribute.Groups[1].Value == "source")
                {
                    source = value;
                }
                else
                {
                    version = (value, i + 1);
                }
            }

            depth += Braces(line);
            if (block is { } open && depth <= 0)
            {
                depth = 0;
                block = null;
                if (source is not null && ModuleAddress.TryParse(source, MirrorMap.None) is not null)
                {
                    yield return new ModuleRequest(open.Name, source, version?.Value ?? string.Empty, file, version?.Line ?? open.Line);
                }
            }
        }
    }

    /// <summary>The line without its comment (<c>#</c> or <c>//</c> outside a string).</summary>
    private static string Code(string line)
    {
        int comment = -1;
        bool quoted = false;
        for (int i = 0; i < line.Length && comment < 0; i++)
        {
            char c = line[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '#' || (c == '/' && i + 1 < line.Length && line[i + 1] == '/')))
            {
                comment = i;
            }
        }

        return comment < 0 ? line : line[..comment];
    }

    private static int Braces(string code)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = 0; i < code.Length; i++)
        {
            char c = code[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
        }

        return depth;
    }

    private static string Unescape(string value) => value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    [GeneratedRegex("""^\s*module\s+"([^"]+)"\s*\{""")]
    private static partial Regex ModuleStart();

    [GeneratedRegex("""^\s*(source|version)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$""")]
    private static partial Regex Attribute();
}
