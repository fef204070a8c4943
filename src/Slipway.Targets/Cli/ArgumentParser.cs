using Slipway.Targets.Parameters;

namespace Slipway.Targets.Cli;

/// <summary>
/// Nuke-style command lines: <c>Target1 Target2 --name value1 value2 --flag --other=value</c>.
/// Words before the first option are targets; the words after an option, up to the next option, are its values.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ParsedArguments();
        ParsedOption? current = null;
        foreach (string arg in args)
        {
            if (arg is "-h" or "-?")
            {
                current = Add(result, "--help", "help");
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                string body = arg[2..];
                int equals = body.IndexOf('=', StringComparison.Ordinal);
                string name = equals >= 0 ? body[..equals] : body;
                current = Add(result, "--" + name, NameConvention.Normalize(name));
                if (equals >= 0)
                {
                    current.Values.Add(body[(equals + 1)..]);
                    current = null;
                }

                continue;
            }

            if (current is null)
            {
                if (result.Options.Count > 0)
                {
                    throw new BuildException($"Unexpected argument '{arg}': targets come before the options (e.g. ./build.sh {arg} --env staging).", ExitCodes.BadInput);
                }

                result.Targets.Add(arg);
            }
            else
            {
                current.Values.Add(arg);
            }
        }

        return result;
    }

    private static ParsedOption Add(ParsedArguments result, string token, string normalized)
    {
        if (!result.Options.TryGetValue(normalized, out ParsedOption? option))
        {
            option = new ParsedOption(token, []);
            result.Options[normalized] = option;
        }

        return option;
    }
}
