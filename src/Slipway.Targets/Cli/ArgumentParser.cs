using Slipway.Targets.Parameters;

namespace Slipway.Targets.Cli;

/// <summary>
/// Nuke-style command lines: <c>Target1 Target2 --name value1 value2 --flag --other=value</c>.
/// Words before the first option, or right after a flag of the engine (<c>--plan</c>, <c>--help</c>, <c>--continue</c>,
/// <c>--verbose</c>), are targets; the words after any other option, up to the next option, are its values.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ParsedArguments();
        ParsedOption? current = null;
        bool afterFlag = false;
        foreach (string arg in args)
        {
            if (arg is "-h" or "-?")
            {
                Add(result, "--help", "help");
                (current, afterFlag) = (null, true);
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                string body = arg[2..];
                int equals = body.IndexOf('=', StringComparison.Ordinal);
                string name = equals >= 0 ? body[..equals] : body;
                string normalized = NameConvention.Normalize(name);
                current = Add(result, "--" + name, normalized);
                afterFlag = equals < 0 && BuiltInOptions.Flags.Contains(normalized, StringComparer.Ordinal);
                if (equals >= 0)
                {
                    current.Values.Add(body[(equals + 1)..]);
                    current = null;
                }
                else if (afterFlag)
                {
                    current = null; // the engine's flags take no value: ./build.sh --plan DeployStaging plans DeployStaging
                }

                continue;
            }

            if (current is null)
            {
                if (result.Options.Count > 0 && !afterFlag)
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
