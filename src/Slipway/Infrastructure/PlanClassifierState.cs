using System.Text;
using System.Text.Json;

namespace Slipway.Infrastructure;

/// <summary>
/// The resumable state machine behind <see cref="PlanClassifier"/>: fed one buffer at a time, it keeps
/// the reader state between buffers and looks only at the tokens it needs by their depth.
/// </summary>
internal sealed class PlanClassifierState
{
    private JsonReaderState _readerState = new(new JsonReaderOptions { MaxDepth = 256 });
    private Section _section;
    private Field _field3;
    private Field _field4;
    private ActionFlags _actions;
    private byte[] _address = new byte[256];
    private int _addressLength;
    private string? _reason;
    private int _create, _update, _replace, _delete, _read, _noOp, _forget, _outputChanges;
    private bool _errored;
    private bool? _applyable;
    private readonly List<ResourceChange> _destructive = [];
    private readonly List<ResourceChange> _drift = [];

    private enum Section
    {
        None,
        ResourceChanges,
        ResourceDrift,
        OutputChanges,
        Errored,
        Applyable,
    }

    private enum Field
    {
        Other,
        Address,
        ActionReason,
        Change,
        Actions,
    }

    [Flags]
    private enum ActionFlags
    {
        None = 0,
        NoOp = 1,
        Create = 2,
        Read = 4,
        Update = 8,
        Delete = 16,
        Forget = 32,
    }

    /// <summary>Reads every complete token of <paramref name="data"/>; returns how many bytes it consumed.</summary>
    public int Feed(ReadOnlySpan<byte> data, bool isFinal)
    {
        var reader = new Utf8JsonReader(data, isFinal, _readerState);
        while (reader.Read())
        {
            Handle(ref reader);
        }

        _readerState = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    public PlanClassification ToClassification()
        => new(
            new PlanCounts { Create = _create, Update = _update, Replace = _replace, Delete = _delete, Read = _read, NoOp = _noOp, Forget = _forget },
            _destructive,
            _drift,
            _outputChanges,
            _errored,
            _applyable);

    private void Handle(ref Utf8JsonReader reader)
    {
        int depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when depth == 1:
                _section = ReadSection(ref reader);
                break;
            case JsonTokenType.PropertyName when depth == 3 && _section != Section.None:
                _field3 = ReadField(ref reader);
                break;
            case JsonTokenType.PropertyName when depth == 4 && _field3 == Field.Change:
                _field4 = ReadField(ref reader);
                break;
            case JsonTokenType.StartObject when depth == 2:
                _actions = ActionFlags.None;
                _addressLength = 0;
                _reason = null;
                _field3 = Field.Other;
                _field4 = Field.Other;
                break;
            case JsonTokenType.EndObject when depth == 2:
                Complete();
                break;
            case JsonTokenType.String:
                ReadString(ref reader, depth);
                break;
            case JsonTokenType.True or JsonTokenType.False when depth == 1:
                bool value = reader.TokenType == JsonTokenType.True;
                if (_section == Section.Errored)
                {
                    _errored = value;
                }
                else if (_section == Section.Applyable)
                {
                    _applyable = value;
                }

                break;
        }
    }

    private void ReadString(ref Utf8JsonReader reader, int depth)
    {
        bool isResource = _section is Section.ResourceChanges or Section.ResourceDrift;
        if (isResource && depth == 3 && _field3 == Field.Address)
        {
            int needed = reader.ValueSpan.Length;
            if (needed > _address.Length)
            {
                _address = new byte[Math.Max(needed, _address.Length * 2)];
            }

            _addressLength = reader.CopyString(_address);
        }
        else if (isResource && depth == 3 && _field3 == Field.ActionReason)
        {
            _reason = reader.GetString();
        }
        else if ((isResource && depth == 5 && _field3 == Field.Change && _field4 == Field.Actions)
            || (_section == Section.OutputChanges && depth == 4 && _field3 == Field.Actions))
        {
            _actions |= ReadAction(ref reader);
        }
    }

    private void Complete()
    {
        if (_section == Section.OutputChanges)
        {
            if ((_actions & ~ActionFlags.NoOp) != ActionFlags.None)
            {
                _outputChanges++;
            }

            return;
        }

        if (_section is not (Section.ResourceChanges or Section.ResourceDrift))
        {
            return;
        }

        PlanAction action = Fold(_actions);
        if (_section == Section.ResourceDrift)
        {
            _drift.Add(new ResourceChange(Address(), action, _reason));
            return;
        }

        switch (action)
        {
            case PlanAction.Create: _create++; break;
            case PlanAction.Update: _update++; break;
            case PlanAction.Replace: _replace++; break;
            case PlanAction.Delete: _delete++; break;
            case PlanAction.Read: _read++; break;
            case PlanAction.Forget: _forget++; break;
            default: _noOp++; break;
        }

        if (action is PlanAction.Replace or PlanAction.Delete)
        {
            _destructive.Add(new ResourceChange(Address(), action, _reason));
        }
    }

    private string Address() => Encoding.UTF8.GetString(_address, 0, _addressLength);

    private static PlanAction Fold(ActionFlags actions)
    {
        if (actions.HasFlag(ActionFlags.Delete))
        {
            return actions.HasFlag(ActionFlags.Create) ? PlanAction.Replace : PlanAction.Delete;
        }

        if (actions.HasFlag(ActionFlags.Create))
        {
            return PlanAction.Create;
        }

        if (actions.HasFlag(ActionFlags.Update))
        {
            return PlanAction.Update;
        }

        if (actions.HasFlag(ActionFlags.Read))
        {
            return PlanAction.Read;
        }

        return actions.HasFlag(ActionFlags.Forget) ? PlanAction.Forget : PlanAction.NoOp;
    }

    private static Section ReadSection(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("resource_changes"u8))
        {
            return Section.ResourceChanges;
        }

        if (reader.ValueTextEquals("resource_drift"u8))
        {
            return Section.ResourceDrift;
        }

        if (reader.ValueTextEquals("output_changes"u8))
        {
            return Section.OutputChanges;
        }

        if (reader.ValueTextEquals("errored"u8))
        {
            return Section.Errored;
        }

        return reader.ValueTextEquals("applyable"u8) ? Section.Applyable : Section.None;
    }

    private static Field ReadField(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("address"u8))
        {
            return Field.Address;
        }

        if (reader.ValueTextEquals("action_reason"u8))
        {
            return Field.ActionReason;
        }

        if (reader.ValueTextEquals("change"u8))
        {
            return Field.Change;
        }

        return reader.ValueTextEquals("actions"u8) ? Field.Actions : Field.Other;
    }

    private static ActionFlags ReadAction(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("create"u8))
        {
            return ActionFlags.Create;
        }

        if (reader.ValueTextEquals("delete"u8))
        {
            return ActionFlags.Delete;
        }

        if (reader.ValueTextEquals("update"u8))
        {
            return ActionFlags.Update;
        }

        if (reader.ValueTextEquals("read"u8))
        {
            return ActionFlags.Read;
        }

        if (reader.ValueTextEquals("forget"u8))
        {
            return ActionFlags.Forget;
        }

        return reader.ValueTextEquals("no-op"u8) ? ActionFlags.NoOp : ActionFlags.None;
    }
}
