using System.Text;
using System.Text.Json;

namespace Slipway.Infrastructure;

/// <summary>
/// Reads the lines of <c>terraform plan -json</c> (terraform's "machine-readable UI", one JSON object a line) with a
/// <see cref="Utf8JsonReader"/> each: <c>planned_change</c>, <c>resource_drift</c>, <c>change_summary</c>,
/// <c>outputs</c> and <c>diagnostic</c> are classified; every line's <c>@message</c> is returned for the log. Only the
/// addresses of destructive changes and drift are kept. A line that is not JSON is kept as text (for error messages).
/// </summary>
internal sealed partial class PlanStreamState
{
    private const int MaxText = 64 * 1024;
    private const int MaxDepth = 8;

    private readonly List<ResourceChange> _destructive = [];
    private readonly List<ResourceChange> _drift = [];
    private readonly List<TerraformDiagnostic> _diagnostics = [];
    private readonly StringBuilder _text = new();
    private int _create, _update, _replace, _delete, _read, _noOp, _forget, _outputChanges, _unrecognized;
    private PlanChangeSummary? _summary;

    /// <summary>Classifies one line; returns what a person should see of it (null for nothing).</summary>
    public StreamLine Read(ReadOnlySpan<byte> line)
    {
        line = line.Trim("\r\n\t "u8);
        if (line.IsEmpty)
        {
            return default;
        }

        if (line[0] == (byte)'{')
        {
            try
            {
                return ReadMessage(line);
            }
            catch (JsonException)
            {
                // Not one of terraform's messages: shown and kept as text like any other line.
            }
        }

        string text = Encoding.UTF8.GetString(line);
        if (_text.Length < MaxText)
        {
            _text.AppendLine(text);
        }

        return new StreamLine(LineLevel.Info, text);
    }

    public PlanStream ToStream()
        => new(
            new PlanCounts { Create = _create, Update = _update, Replace = _replace, Delete = _delete, Read = _read, NoOp = _noOp, Forget = _forget },
            _destructive,
            _drift,
            _outputChanges,
            _summary,
            _diagnostics)
        {
            Text = _text.ToString(),
            Unrecognized = _unrecognized,
        };

    private StreamLine ReadMessage(ReadOnlySpan<byte> line)
    {
        (MessageType type, LineLevel level, string? message) = ReadHeader(line);
        switch (type)
        {
            case MessageType.PlannedChange:
                Count(ReadChange(line));
                break;
            case MessageType.ResourceDrift:
                _drift.Add(ReadChange(line));
                break;
            case MessageType.ChangeSummary:
                _summary = ReadSummary(line);
                break;
            case MessageType.Outputs:
                _outputChanges += CountOutputChanges(line);
                break;
            case MessageType.Diagnostic:
                TerraformDiagnostic diagnostic = ReadDiagnostic(line);
                _diagnostics.Add(diagnostic);
                return new StreamLine(diagnostic.IsError ? LineLevel.Error : LineLevel.Warning, diagnostic.Format());
        }

        return new StreamLine(level, message);
    }

    private void Count(ResourceChange change)
    {
        switch (change.Action)
        {
            case PlanAction.Create: _create++; break;
            case PlanAction.Update: _update++; break;
            case PlanAction.Replace: _replace++; break;
            case PlanAction.Delete: _delete++; break;
            case PlanAction.Read: _read++; break;
            case PlanAction.Forget: _forget++; break;
            default: _noOp++; break;
        }

        if (change.IsDestructive)
        {
            _destructive.Add(change);
        }
    }

    private static (MessageType Type, LineLevel Level, string? Message) ReadHeader(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        MessageType type = MessageType.Other;
        LineLevel level = LineLevel.Info;
        string? message = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = TypeOf(ref reader);
            }
            else if (reader.ValueTextEquals("@message"u8))
            {
                reader.Read();
                message = reader.GetString();
            }
            else if (reader.ValueTextEquals("@level"u8))
            {
                reader.Read();
                level = reader.ValueTextEquals("error"u8) ? LineLevel.Error : reader.ValueTextEquals("warn"u8) ? LineLevel.Warning : LineLevel.Info;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (type, level, message);
    }

    private static MessageType TypeOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("planned_change"u8))
        {
            return MessageType.PlannedChange;
        }

        if (reader.ValueTextEquals("resource_drift"u8))
        {
            return MessageType.ResourceDrift;
        }

        if (reader.ValueTextEquals("change_summary"u8))
        {
            return MessageType.ChangeSummary;
        }

        if (reader.ValueTextEquals("outputs"u8))
        {
            return MessageType.Outputs;
        }

        return reader.ValueTextEquals("diagnostic"u8) ? MessageType.Diagnostic : MessageType.Other;
    }

    internal enum LineLevel
    {
        Info,
        Warning,
        Error,
    }

    private enum MessageType
    {
        Other,
        PlannedChange,
        ResourceDrift,
        ChangeSummary,
        Outputs,
        Diagnostic,
    }

    /// <summary>What to show of one line: its level and text (no text: nothing to show).</summary>
    internal readonly record struct StreamLine(LineLevel Level, string? Text);
}
