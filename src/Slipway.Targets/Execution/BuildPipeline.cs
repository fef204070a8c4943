using System.Diagnostics;
using Slipway.Targets.Cli;
using Slipway.Targets.Output;
using Slipway.Targets.Parameters;
using Slipway.Targets.Reporting;

namespace Slipway.Targets.Execution;

/// <summary>
/// One run, stage by stage: parse → discover → bind → plan → check requirements → (help | plan | execute) → summary.
/// The graph and the arguments are checked in one pass before the first target runs; all problems are reported together.
/// </summary>
internal sealed class BuildPipeline
{
    private readonly BuildBase _build;
    private readonly RunContext _context;
    private readonly SecretMasker _masker;

    public BuildPipeline(BuildBase build, RunContext context, SecretMasker masker)
    {
        _build = build;
        _context = context;
        _masker = masker;
    }

    public async Task<int> RunAsync(IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets, CancellationToken cancellationToken)
    {
        HostKind host = HostDetector.Detect(_context.EnvironmentVariables);
        bool verbose = args.Contains("--verbose", StringComparer.OrdinalIgnoreCase);
        var output = new BuildOutput(_context.Out, _context.Error, _masker, host, HostDetector.UseColor(_context.EnvironmentVariables, host, _context.IsTerminal), verbose);
        _build.Output = output;
        _build.Host = host;
        _build.EnvironmentVariables = _context.EnvironmentVariables;
        _build.CancellationToken = cancellationToken;
        try
        {
            return await RunStagesAsync(args, defaultTargets, output, cancellationToken).ConfigureAwait(false);
        }
        catch (BuildException ex)
        {
            output.Error(ex.Message);
            if (verbose)
            {
                output.ErrorDetail(ex.ToString());
            }

            return ex.ExitCode;
        }
        finally
        {
            output.Flush();
        }
    }

    private async Task<int> RunStagesAsync(IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets, BuildOutput output, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        ParsedArguments parsed = ArgumentParser.Parse(args);
        _build.RootDirectory = RootDirectoryLocator.Locate(parsed.Single(BuiltInOptions.Root), _context.CurrentDirectory, _context.EnvironmentVariables);

        IReadOnlyList<ExecutableTarget> targets = TargetFactory.Create(_build);
        IReadOnlyList<ParameterDescriptor> parameters = ParameterFactory.Create(_build.GetType());
        var byName = targets.ToDictionary(static t => t.Name, StringComparer.Ordinal);

        if (parsed.Has(BuiltInOptions.Help))
        {
            output.Info(HelpPrinter.Render(targets, defaultTargets, parameters, _build));
            return ExitCodes.Success;
        }

        var problems = new List<string>();
        List<string> requested = ResolveTargets(parsed.Targets.Concat(parsed.Values(BuiltInOptions.Target)), targets, problems);
        if (requested.Count == 0 && problems.Count == 0)
        {
            requested.AddRange(defaultTargets);
        }

        List<string> skip = ResolveTargets(parsed.Values(BuiltInOptions.Skip).SelectMany(static v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), targets, problems);
        problems.AddRange(CheckUnknownOptions(parsed, parameters));
        List<ParameterFile> files = LoadParameterFiles(parsed, problems);
        problems.AddRange(CheckUnknownFileKeys(files, parameters));
        if (problems.Count == 0)
        {
            var commandLine = parsed.Options.ToDictionary(static o => o.Key, static o => (o.Value.Token, (IReadOnlyList<string>)o.Value.Values), StringComparer.Ordinal);
            var secrets = new HashSet<string>(StringComparer.Ordinal);
            problems.AddRange(ParameterBinder.Bind(_build, parameters, new ParameterSources(commandLine, _context.EnvironmentVariables, files), _build.RootDirectory, secrets));
            foreach (string secret in secrets)
            {
                _masker.Add(secret);
            }
        }

        ThrowIfAny(problems);
        _build.RequestedTargets = requested;
        _build.OnParametersBound();
        SchemaGenerator.WriteIfChanged(_build.RootDirectory / ".nuke" / "build.schema.json", SchemaGenerator.Generate(targets, parameters));

        var staticSkips = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? StaticSkip(string name)
        {
            if (!staticSkips.TryGetValue(name, out string? reason))
            {
                string? condition = TargetExecutor.FirstFalse(byName[name].Definition.StaticConditions);
                staticSkips[name] = reason = condition is null ? null : $"condition false: {condition}";
            }

            return reason;
        }

        IReadOnlyList<PlannedTarget> plan = ExecutionPlanner.Plan(new PlanRequest(targets.Select(TargetFactory.ToPlanNode).ToList(), requested)
        {
            Skip = skip,
            SkipAllButRequested = parsed.Has(BuiltInOptions.Skip) && parsed.Values(BuiltInOptions.Skip).Count == 0,
            StaticSkipReason = StaticSkip,
        });

        string argumentsHash = ContinueState.Hash(args.Where(static a => !string.Equals(a, "--continue", StringComparison.OrdinalIgnoreCase)));
        HashSet<string> previouslySucceeded = LoadContinueState(parsed, argumentsHash, output);
        plan = plan.Select(p => p.SkipReason is null && previouslySucceeded.Contains(p.Name) ? p with { SkipReason = "succeeded in the previous run (--continue)" } : p).ToList();

        ThrowIfAny(RequirementChecker.Check(plan.Where(static p => p.SkipReason is null).Select(p => byName[p.Name]), parameters, _build));

        if (parsed.Has(BuiltInOptions.Plan))
        {
            string format = parsed.Single(BuiltInOptions.Format) ?? "text";
            output.Info(format.ToLowerInvariant() switch
            {
                "text" => PlanPrinter.RenderText(plan, byName),
                "mermaid" => PlanPrinter.RenderMermaid(plan, byName),
                _ => throw new BuildException($"--format {format}: unknown plan format; use text or mermaid.", ExitCodes.BadInput),
            });
            return ExitCodes.Success;
        }

        List<ExecutableTarget> toExecute = plan.Select(p =>
        {
            ExecutableTarget target = byName[p.Name];
            target.Status = p.SkipReason is null ? TargetStatus.Scheduled : TargetStatus.Skipped;
            target.Reason = p.SkipReason;
            return target;
        }).ToList();
        foreach (ExecutableTarget skipped in toExecute.Where(static t => t.Status == TargetStatus.Skipped && t.Reason!.Contains("--continue", StringComparison.Ordinal)))
        {
            output.Info($"Skipping {skipped.Name}: it succeeded in the previous run with the same arguments (--continue).");
        }

        int exitCode = await new TargetExecutor(output, Classify).ExecuteAsync(toExecute, cancellationToken).ConfigureAwait(false);
        int? finishFailure = await FinishAsync(output).ConfigureAwait(false);
        if (exitCode == ExitCodes.Success && finishFailure is { } code)
        {
            exitCode = code;
        }

        new ContinueState
        {
            ArgumentsHash = argumentsHash,
            Succeeded = toExecute.Where(t => t.Status == TargetStatus.Succeeded || previouslySucceeded.Contains(t.Name)).Select(static t => t.Name).ToList(),
        }.Save(_build.TemporaryDirectory);

        output.Info(string.Empty);
        output.Info(SummaryPrinter.Render(toExecute, stopwatch.Elapsed));
        switch (exitCode)
        {
            case ExitCodes.Success:
                output.Success($"Build succeeded on {DateTime.Now:yyyy-MM-dd HH:mm:ss}.");
                break;
            case ExitCodes.Interrupted:
                output.Error("Build interrupted (Ctrl+C).");
                break;
            case ExitCodes.Refused:
                output.Error("Build refused by a gate (exit 3): see the reason above.");
                break;
            case ExitCodes.BadInput:
                output.Error("Build stopped on bad input (exit 2): fix what the error above names and run again.");
                break;
            default:
                output.Error($"Build failed (exit {exitCode}). Fix the error above and run again; add --continue to skip the targets that already succeeded.");
                break;
        }

        return exitCode;
    }

    /// <summary>Runs the build's finish hook; a failure there is reported and fails the run, but never hides an earlier one.</summary>
    private async Task<int?> FinishAsync(BuildOutput output)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _build.OnBuildFinishedAsync(timeout.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex)
        {
            FailureInfo failure = Classify(ex);
            output.Error(failure.IsExpected ? ex.Message : $"Finishing the build failed: {ex.GetType().Name}: {ex.Message}");
            if (output.IsVerbose)
            {
                output.ErrorDetail(ex.ToString());
            }

            return failure.ExitCode;
        }
    }

    private FailureInfo Classify(Exception exception)
    {
        Exception inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        return _build.ClassifyFailure(inner)
            ?? (inner is BuildException build ? new FailureInfo(build.ExitCode, IsExpected: true) : new FailureInfo(ExitCodes.TargetFailed, IsExpected: false));
    }

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new BuildException(string.Join(Environment.NewLine, problems.Distinct(StringComparer.Ordinal)), ExitCodes.BadInput);
        }
    }

    private static List<string> ResolveTargets(IEnumerable<string> names, IReadOnlyList<ExecutableTarget> targets, List<string> problems)
    {
        var result = new List<string>();
        foreach (string name in names)
        {
            ExecutableTarget? match = targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                problems.Add($"Unknown target '{name}'{Suggestions.DidYouMean(name, targets.Select(static t => t.Name))}. Run ./build.sh --help to list targets.");
            }
            else if (!result.Contains(match.Name, StringComparer.Ordinal))
            {
                result.Add(match.Name);
            }
        }

        return result;
    }

    private static IEnumerable<string> CheckUnknownOptions(ParsedArguments parsed, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var known = new HashSet<string>(BuiltInOptions.Names, StringComparer.Ordinal);
        known.UnionWith(parameters.Select(static p => NameConvention.Normalize(p.Name)));
        known.UnionWith(parameters.Select(static p => NameConvention.Normalize(p.MemberName)));
        IEnumerable<string> candidates = parameters.Select(static p => p.Name).Concat(["help", "plan", "format", "skip", "target", "profile", "root", "continue", "verbose"]);
        foreach ((string key, ParsedOption option) in parsed.Options)
        {
            if (!known.Contains(key))
            {
                yield return $"Unknown parameter '{option.Token}'{Suggestions.DidYouMean(option.Token.TrimStart('-'), candidates, "--")}. Run ./build.sh --help to list parameters.";
            }
        }
    }

    private List<ParameterFile> LoadParameterFiles(ParsedArguments parsed, List<string> problems)
    {
        var files = new List<ParameterFile>();
        string directory = _build.RootDirectory / ".nuke";
        string defaultFile = Path.Combine(directory, "parameters.json");
        if (File.Exists(defaultFile))
        {
            files.Add(ParameterFile.Load(defaultFile, ".nuke/parameters.json"));
        }

        foreach (string profile in parsed.Values(BuiltInOptions.Profile).SelectMany(static v => v.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            string path = Path.Combine(directory, $"parameters.{profile}.json");
            if (File.Exists(path))
            {
                files.Add(ParameterFile.Load(path, $".nuke/parameters.{profile}.json"));
            }
            else
            {
                problems.Add($"--profile {profile}: .nuke/parameters.{profile}.json does not exist.");
            }
        }

        return files;
    }

    private static IEnumerable<string> CheckUnknownFileKeys(List<ParameterFile> files, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var known = new HashSet<string>(parameters.Select(static p => NameConvention.Normalize(p.Name)), StringComparer.Ordinal) { "target", "skip", "verbose" };
        known.UnionWith(parameters.Select(static p => NameConvention.Normalize(p.MemberName)));
        foreach (ParameterFile file in files)
        {
            foreach ((string normalized, (string key, _)) in file.Values)
            {
                if (!known.Contains(normalized))
                {
                    yield return $"{file.DisplayPath}: unknown parameter \"{key}\"{Suggestions.DidYouMean(key, parameters.Select(static p => p.MemberName))}.";
                }
            }
        }
    }

    private HashSet<string> LoadContinueState(ParsedArguments parsed, string argumentsHash, BuildOutput output)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!parsed.Has(BuiltInOptions.Continue))
        {
            return result;
        }

        ContinueState? state = ContinueState.Load(_build.TemporaryDirectory);
        if (state is null || !string.Equals(state.ArgumentsHash, argumentsHash, StringComparison.Ordinal))
        {
            output.Info("--continue: no previous run with the same arguments; starting afresh.");
            return result;
        }

        result.UnionWith(state.Succeeded);
        return result;
    }
}
