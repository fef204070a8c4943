using System.Diagnostics;
using System.Text.Json;
using Slipway.IO;
using Slipway.Processes;

namespace Slipway.BuildTools.Benchmarks;

/// <summary>
/// Runs the benchmarks the benchmark program lists — each once in full (its baseline in the same run), then its first-call
/// figures again in fresh processes — and rewrites BENCHMARKS.md from the template and the results.
/// </summary>
public sealed class BenchmarkSuite
{
    private readonly IProcessRunner _processes;
    private readonly ILog _log;
    private readonly BenchmarkSuiteOptions _options;

    public BenchmarkSuite(IProcessRunner processes, ILog log, BenchmarkSuiteOptions options)
    {
        _processes = processes;
        _log = log;
        _options = options;
    }

    public async Task<BenchmarkReport> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        DateTimeOffset started = DateTimeOffset.UtcNow;
        string startLoad = MachineProbe.LoadAverage();
        IReadOnlyList<BenchmarkDefinition> definitions = await ListAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<BenchmarkDefinition> selected = Select(definitions);
        MachineDescription machine = await new MachineProbe(_processes).DescribeAsync(cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(_options.WorkDirectory);

        var results = new List<BenchmarkResult>();
        foreach (BenchmarkDefinition definition in selected)
        {
            results.Add(await RunOneAsync(definition, cancellationToken).ConfigureAwait(false));
        }

        BenchmarkReport previous = _options.Only is not null && File.Exists(_options.ResultsFile)
            ? await BenchmarkJson.ReadAsync<BenchmarkReport>(_options.ResultsFile, cancellationToken).ConfigureAwait(false)
            : new BenchmarkReport { Machine = machine };
        BenchmarkReport report = previous.Merge(results, [.. definitions.Select(static d => d.Name)]) with
        {
            Machine = machine with { Load = $"{startLoad} / {MachineProbe.LoadAverage()}" },
            StartedAt = started,
            Seconds = clock.Elapsed.TotalSeconds,
            Quick = _options.Quick,
        };
        await BenchmarkJson.WriteAsync(_options.ResultsFile, report, cancellationToken).ConfigureAwait(false);
        await WriteDocumentAsync(report, cancellationToken).ConfigureAwait(false);
        _log.Info($"Wrote {_options.Document} and {_options.ResultsFile} ({clock.Elapsed.TotalMinutes:0.0} min).");

        string[] failed = [.. results.Where(static r => r.Failure is not null).Select(static r => r.Benchmark)];
        if (failed.Length > 0)
        {
            throw SlipwayException.Failed($"Benchmark(s) {string.Join(", ", failed)} failed (see above; the document says so). Re-run one with ./build.sh Benchmark --only NAME.");
        }

        return report;
    }

    /// <summary>Rewrites the document from the last results without running anything (after an edit of the template).</summary>
    public async Task WriteDocumentAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_options.ResultsFile))
        {
            throw SlipwayException.Input($"{_options.ResultsFile} does not exist: run ./build.sh Benchmark{(_options.Quick ? " --quick" : string.Empty)} first.");
        }

        await WriteDocumentAsync(await BenchmarkJson.ReadAsync<BenchmarkReport>(_options.ResultsFile, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        _log.Info($"Wrote {_options.Document} from {_options.ResultsFile}.");
    }

    private async Task WriteDocumentAsync(BenchmarkReport report, CancellationToken cancellationToken)
    {
        string template = await File.ReadAllTextAsync(_options.Template, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(_options.Document, BenchmarkDocument.Render(report, template), cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<BenchmarkDefinition> Select(IReadOnlyList<BenchmarkDefinition> definitions)
    {
        if (_options.Only is null)
        {
            return definitions;
        }

        BenchmarkDefinition? only = definitions.FirstOrDefault(d => string.Equals(d.Name, _options.Only, StringComparison.OrdinalIgnoreCase));
        return only is null
            ? throw SlipwayException.Input($"--only {_options.Only}: no such benchmark. Known: {string.Join(", ", definitions.Select(static d => d.Name))}.")
            : [only];
    }

    private async Task<IReadOnlyList<BenchmarkDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_options.BenchmarksDll))
        {
            throw SlipwayException.Failed($"{_options.BenchmarksDll} does not exist: build it with dotnet build -c Release tests/Slipway.Benchmarks.");
        }

        ProcessResult listing = await _processes.RunAsync(Request(["--list"]), cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<BenchmarkDefinition[]>(listing.StandardOutput, BenchmarkJson.Options) ?? [];
        }
        catch (JsonException error)
        {
            throw SlipwayException.Failed($"{_options.BenchmarksDll} --list did not print a list of benchmarks ({error.Message}).");
        }
    }

    private async Task<BenchmarkResult> RunOneAsync(BenchmarkDefinition definition, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        DateTimeOffset started = DateTimeOffset.UtcNow;
        string command = $"dotnet tests/Slipway.Benchmarks/bin/Release/net10.0/Slipway.Benchmarks.dll {definition.Name}{(_options.Quick ? " --quick" : string.Empty)}";
        _log.Info($"Benchmark {definition.Name}: {definition.Title}");
        var blank = new BenchmarkResult { Benchmark = definition.Name, Issue = definition.Issue, Title = definition.Title, Command = command, MeasuredAt = started, Quick = _options.Quick };
        try
        {
            BenchmarkResult full = await RunProcessAsync(definition.Name, firstCall: false, sample: 0, cancellationToken).ConfigureAwait(false);
            var firstCalls = new List<BenchmarkResult>();
            for (int sample = 1; definition.HasFirstCall && sample <= _options.FreshProcesses; sample++)
            {
                firstCalls.Add(await RunProcessAsync(definition.Name, firstCall: true, sample, cancellationToken).ConfigureAwait(false));
            }

            return blank with { Measures = full.WithFirstCalls(firstCalls).Measures, Seconds = clock.Elapsed.TotalSeconds };
        }
        catch (Exception error) when (error is ProcessFailedException or SlipwayException)
        {
            _log.Error($"Benchmark {definition.Name} failed: {error.Message}");
            return blank with { Failure = FirstLine(error.Message), Seconds = clock.Elapsed.TotalSeconds };
        }
    }

    private async Task<BenchmarkResult> RunProcessAsync(string name, bool firstCall, int sample, CancellationToken cancellationToken)
    {
        string json = Path.Combine(_options.WorkDirectory, firstCall ? $"{name}.first-call-{sample}.json" : $"{name}.json");
        File.Delete(json);
        List<string> arguments = [name, "--json", json];
        if (firstCall)
        {
            arguments.Add("--first-call");
        }

        if (_options.Quick)
        {
            arguments.Add("--quick");
        }

        await _processes.RunAsync(Request(arguments, firstCall ? _log.Debug : _log.Info), cancellationToken).ConfigureAwait(false);
        return File.Exists(json)
            ? await BenchmarkJson.ReadAsync<BenchmarkResult>(json, cancellationToken).ConfigureAwait(false)
            : throw SlipwayException.Failed($"Benchmark {name} wrote no {json}.");
    }

    private ProcessRequest Request(IReadOnlyList<string> arguments, Action<string>? output = null)
        => new("dotnet", [_options.BenchmarksDll, .. arguments])
        {
            WorkingDirectory = _options.RepositoryRoot,
            Timeout = _options.Timeout,
            OnOutputLine = output,
        };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
