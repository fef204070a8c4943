namespace Slipway.Targets.Output;

/// <summary>
/// What the engine prints: masked, coloured only on a terminal (and never with NO_COLOR), grouped per target
/// the way the host folds logs (GitHub Actions <c>::group::</c>, GitLab collapsible sections).
/// </summary>
public sealed class BuildOutput
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly SecretMasker _masker;
    private readonly bool _color;
    private readonly HostKind _host;
    private string? _openSection;

    public BuildOutput(TextWriter output, TextWriter error, SecretMasker masker, HostKind host, bool color, bool verbose)
    {
        _out = output;
        _error = error;
        _masker = masker;
        _host = host;
        _color = color;
        IsVerbose = verbose;
    }

    public bool IsVerbose { get; }

    public SecretMasker Masker => _masker;

    public void Info(string message) => _out.WriteLine(_masker.Mask(message));

    public void Debug(string message)
    {
        if (IsVerbose)
        {
            _out.WriteLine(Paint(_masker.Mask(message), "90"));
        }
    }

    public void Success(string message) => _out.WriteLine(Paint(_masker.Mask(message), "32"));

    public void Warning(string message)
    {
        string masked = _masker.Mask(message);
        _out.WriteLine(_host == HostKind.GitHubActions ? $"::warning::{WorkflowCommands.EscapeData(masked)}" : Paint("warning: " + masked, "33"));
    }

    public void Error(string message)
    {
        string masked = _masker.Mask(message);
        _error.WriteLine(Paint("error: " + masked, "31"));
        _error.Flush();
    }

    /// <summary>
    /// A target's error: on GitHub Actions an <c>::error title=…::</c> annotation (shown on the run's page), elsewhere
    /// an error line.
    /// </summary>
    public void TargetError(string target, string message)
    {
        if (_host != HostKind.GitHubActions)
        {
            Error(message);
            return;
        }

        _error.WriteLine(WorkflowCommands.Error($"{target} failed", _masker.Mask(message)));
        _error.Flush();
    }

    /// <summary>Writes the line as is on stderr (masked): for stack traces with --verbose.</summary>
    public void ErrorDetail(string message) => _error.WriteLine(_masker.Mask(message));

    public void BeginTarget(string name)
    {
        switch (_host)
        {
            case HostKind.GitHubActions:
                _out.WriteLine($"::group::{name}");
                break;
            case HostKind.GitLab:
                _openSection = $"slipway_{name.ToLowerInvariant()}";
                _out.WriteLine($"\u001b[0Ksection_start:{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}:{_openSection}[collapsed=true]\r\u001b[0K{name}");
                break;
            default:
                _out.WriteLine();
                _out.WriteLine(Paint($"═══ {name} ═══", "1;36"));
                break;
        }

        _out.Flush();
    }

    public void EndTarget()
    {
        switch (_host)
        {
            case HostKind.GitHubActions:
                _out.WriteLine("::endgroup::");
                break;
            case HostKind.GitLab when _openSection is not null:
                _out.WriteLine($"\u001b[0Ksection_end:{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}:{_openSection}\r\u001b[0K");
                _openSection = null;
                break;
        }

        _out.Flush();
    }

    public string Paint(string text, string code) => _color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    public void Flush()
    {
        _out.Flush();
        _error.Flush();
    }
}
