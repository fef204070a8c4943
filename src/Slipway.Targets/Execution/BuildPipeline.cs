using System.Diagnostics;
using Slipway.Targets.Cli;
using Slipway.Targets.Output;
using Slipway.Targets.Reporting;

namespace Slipway.Targets.Execution;

/// <summary>
/// One run, stage by stage, each stage a class with one job: parse → discover (<see cref="BuildModel"/>) → bind
/// (<see cref="InputBinder"/>) → implied values (<see cref="ImpliedValueApplier"/>) → plan (<see cref="RunPlanner"/>) →
/// --continue (<see cref="PreviousRun"/>) → requirements (<see cref="RequirementChecker"/>) → help | plan | execute
/// (<see cref="TargetExecutor"/>, <see cref="BuildFinisher"/>) → report (<see cref="OutcomePrinter"/>).
/// The graph and the arguments are checked before the first target runs; all problems of a stage are reported together.
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
        void AddMask(string secret)
        {
            foreach (string line in WorkflowCommands.AddMask(secret))
            {
                _context.Out.WriteLineUnmasked(line);
            }
        }

        if (host == HostKind.GitHubActions)
        {
            _masker.Added += AddMask; // once per secret, before any line could show it
        }

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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file the engine itself reads or writes (under .nuke/): say which and why, not a crash.
            output.Error($"Could not read or write a file: {FileErrors.Describe(ex)}. Make sure .nuke/ is writable and the disk has space, then run again.");
            if (verbose)
            {
                output.ErrorDetail(ex.ToString());
            }

            return ExitCodes.TargetFailed;
        }
        finally
        {
            _masker.Added -= AddMask;
            output.Flush();
        }
    }

    private async Task<int> RunStagesAsync(IReadOnlyList<string> args, IReadOnlyList<string> defaultTargets, BuildOutput output, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        ParsedArguments parsed = ArgumentParser.Parse(args);
        _build.RootDirectory = RootDirectoryLocator.Locate(parsed.Single(BuiltInOptions.Root), _context.CurrentDirectory, _context.EnvironmentVariables);
        BuildModel model = BuildModel.Discover(_build);
        if (parsed.Has(BuiltInOptions.Help))
        {
            output.Info(HelpPrinter.Render(model, defaultTargets, _build));
            return ExitCodes.Success;
        }

        RunInputs inputs = new InputBinder(_build, model, _context.EnvironmentVariables, _masker).Bind(parsed, defaultTargets);
        ImpliedValueApplier.Apply(model, inputs, _build);
        _build.RequestedTargets = inputs.Targets.Requested;
        _build.OnParametersBound();
        SchemaGenerator.WriteIfChanged(_build.RootDirectory / ".nuke" / "build.schema.json", SchemaGenerator.Generate(model));

        IReadOnlyList<PlannedTarget> plan = RunPlanner.Plan(model, inputs.Targets);
        PreviousRun previousRun = PreviousRun.Load(args, parsed.Has(BuiltInOptions.Continue), _build.TemporaryDirectory, output);
        plan = previousRun.SkipSucceeded(plan);
        // the targets the user asked for first: a parameter they and a dependency both require is named as theirs
        InputProblems.ThrowIfAny(RequirementChecker.Check(plan.Where(static p => p.SkipReason is null)
            .OrderBy(static p => p.Reason == ScheduleReason.Requested ? 0 : 1)
            .Select(p => model.ByName[p.Name]), model));
        if (parsed.Has(BuiltInOptions.Plan))
        {
            output.Info(PlanPrinter.Render(parsed.Single(BuiltInOptions.Format), plan, model.ByName));
            return ExitCodes.Success;
        }

        List<ExecutableTarget> toExecute = TargetExecutor.Prepare(plan, model.ByName);
        _build.ScheduledTargets = plan.Where(static p => p.SkipReason is null).Select(static p => p.Name).ToList();
        PreviousRun.Announce(toExecute, output);
        var classifier = new FailureClassifier(_build);
        int exitCode = await new TargetExecutor(output, classifier.Classify).ExecuteAsync(toExecute, cancellationToken).ConfigureAwait(false);
        var finisher = new BuildFinisher(_build, output, classifier);
        exitCode = await finisher.ReportAsync(exitCode, toExecute, stopwatch.Elapsed).ConfigureAwait(false);
        exitCode = await finisher.FinishAsync(exitCode).ConfigureAwait(false);
        previousRun.Save(toExecute, output);
        OutcomePrinter.Print(output, toExecute, stopwatch.Elapsed, exitCode);
        return exitCode;
    }
}
