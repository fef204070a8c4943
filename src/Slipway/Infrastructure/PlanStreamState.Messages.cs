using System.Text.Json;

namespace Slipway.Infrastructure;

/// <summary>
/// The message bodies of <c>plan -json</c>, as terraform's <c>internal/command/views/json</c> writes them (1.11):
/// <c>change: { resource: { addr }, action, reason }</c>; <c>changes: { add, change, remove, import }</c>;
/// <c>outputs: { NAME: { action } }</c>; <c>diagnostic: { severity, summary, detail, range: { filename, start: { line } } }</c>.
/// Each is read by the path of property names that leads to a value.
/// </summary>
internal sealed partial class PlanStreamState
{
    private enum Name : byte
    {
        Other,
        Change,
        Resource,
        Addr,
        Action,
        Reason,
        Changes,
        Add,
        Remove,
        Import,
        Outputs,
        Diagnostic,
        Severity,
        Summary,
        Detail,
        Range,
        Filename,
        Start,
        Line,
    }

    private ResourceChange ReadChange(ReadOnlySpan<byte> line)
    {
        string address = string.Empty;
        PlanAction action = PlanAction.NoOp;
        string? reason = null;
        var reader = new Utf8JsonReader(line);
        Span<Name> path = stackalloc Name[MaxDepth];
        while (Next(ref reader, path, out int depth))
        {
            if (path[1] != Name.Change || reader.TokenType != JsonTokenType.String)
            {
                continue;
            }

            if (depth == 3 && path[2] == Name.Resource && path[3] == Name.Addr)
            {
                address = reader.GetString() ?? string.Empty;
            }
            else if (depth == 2 && path[2] == Name.Action)
            {
                action = ActionOf(ref reader);
            }
            else if (depth == 2 && path[2] == Name.Reason)
            {
                reason = PlanStreamReasons.ToShowJson(reader.GetString());
            }
        }

        return new ResourceChange(address, action, reason);
    }

    private static PlanChangeSummary ReadSummary(ReadOnlySpan<byte> line)
    {
        int add = 0, change = 0, remove = 0, import = 0;
        var reader = new Utf8JsonReader(line);
        Span<Name> path = stackalloc Name[MaxDepth];
        while (Next(ref reader, path, out int depth))
        {
            if (depth != 2 || path[1] != Name.Changes || reader.TokenType != JsonTokenType.Number)
            {
                continue;
            }

            int value = reader.GetInt32();
            switch (path[2])
            {
                case Name.Add: add = value; break;
                case Name.Change: change = value; break;
                case Name.Remove: remove = value; break;
                case Name.Import: import = value; break;
            }
        }

        return new PlanChangeSummary(add, change, remove, import);
    }

    private static int CountOutputChanges(ReadOnlySpan<byte> line)
    {
        int changes = 0;
        var reader = new Utf8JsonReader(line);
        Span<Name> path = stackalloc Name[MaxDepth];
        while (Next(ref reader, path, out int depth))
        {
            if (depth == 3 && path[1] == Name.Outputs && path[3] == Name.Action && reader.TokenType == JsonTokenType.String && !reader.ValueTextEquals("noop"u8))
            {
                changes++;
            }
        }

        return changes;
    }

    private static TerraformDiagnostic ReadDiagnostic(ReadOnlySpan<byte> line)
    {
        string severity = "error", summary = string.Empty, detail = string.Empty;
        string? file = null;
        int? lineNumber = null;
        var reader = new Utf8JsonReader(line);
        Span<Name> path = stackalloc Name[MaxDepth];
        while (Next(ref reader, path, out int depth))
        {
            if (path[1] != Name.Diagnostic)
            {
                continue;
            }

            switch (depth)
            {
                case 2 when reader.TokenType == JsonTokenType.String:
                    switch (path[2])
                    {
                        case Name.Severity: severity = reader.GetString() ?? severity; break;
                        case Name.Summary: summary = reader.GetString() ?? string.Empty; break;
                        case Name.Detail: detail = reader.GetString() ?? string.Empty; break;
                    }

                    break;
                case 3 when path[2] == Name.Range && path[3] == Name.Filename && reader.TokenType == JsonTokenType.String:
                    file = reader.GetString();
                    break;
                case 4 when path[2] == Name.Range && path[3] == Name.Start && path[4] == Name.Line && reader.TokenType == JsonTokenType.Number:
                    lineNumber = reader.GetInt32();
                    break;
            }
        }

        return new TerraformDiagnostic(severity, summary, detail, file, lineNumber);
    }

    /// <summary>Moves to the next value, recording the property names that lead to it in <paramref name="path"/>.</summary>
    private static bool Next(ref Utf8JsonReader reader, scoped Span<Name> path, out int depth)
    {
        while (reader.Read())
        {
            depth = reader.CurrentDepth;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                if (depth < MaxDepth)
                {
                    path[depth] = NameOf(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }

                continue;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                continue;
            }

            return depth < MaxDepth;
        }

        depth = 0;
        return false;
    }

    private PlanAction ActionOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("create"u8))
        {
            return PlanAction.Create;
        }

        if (reader.ValueTextEquals("update"u8))
        {
            return PlanAction.Update;
        }

        if (reader.ValueTextEquals("replace"u8))
        {
            return PlanAction.Replace;
        }

        if (reader.ValueTextEquals("delete"u8))
        {
            return PlanAction.Delete;
        }

        if (reader.ValueTextEquals("read"u8))
        {
            return PlanAction.Read;
        }

        if (reader.ValueTextEquals("remove"u8))
        {
            return PlanAction.Forget;
        }

        // "move" and "import" are no-ops that terraform streams because the address changed or the object is imported.
        if (!(reader.ValueTextEquals("noop"u8) || reader.ValueTextEquals("move"u8) || reader.ValueTextEquals("import"u8)))
        {
            _unrecognized++;
        }

        return PlanAction.NoOp;
    }

    private static Name NameOf(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> name = reader.HasValueSequence || reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        return name switch
        {
            _ when name.SequenceEqual("change"u8) => Name.Change,
            _ when name.SequenceEqual("resource"u8) => Name.Resource,
            _ when name.SequenceEqual("addr"u8) => Name.Addr,
            _ when name.SequenceEqual("action"u8) => Name.Action,
            _ when name.SequenceEqual("reason"u8) => Name.Reason,
            _ when name.SequenceEqual("changes"u8) => Name.Changes,
            _ when name.SequenceEqual("add"u8) => Name.Add,
            _ when name.SequenceEqual("remove"u8) => Name.Remove,
            _ when name.SequenceEqual("import"u8) => Name.Import,
            _ when name.SequenceEqual("outputs"u8) => Name.Outputs,
            _ when name.SequenceEqual("diagnostic"u8) => Name.Diagnostic,
            _ when name.SequenceEqual("severity"u8) => Name.Severity,
            _ when name.SequenceEqual("summary"u8) => Name.Summary,
            _ when name.SequenceEqual("detail"u8) => Name.Detail,
            _ when name.SequenceEqual("range"u8) => Name.Range,
            _ when name.SequenceEqual("filename"u8) => Name.Filename,
            _ when name.SequenceEqual("start"u8) => Name.Start,
            _ when name.SequenceEqual("line"u8) => Name.Line,
            _ => Name.Other,
        };
    }
}
