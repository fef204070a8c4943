using System.IO.Compression;
using System.Text;

namespace Slipway.Infrastructure;

/// <summary>
/// Tallies the changes recorded in a saved plan file (terraform's zip with a protocol-buffers <c>tfplan</c>, format
/// version 3, <c>internal/plans/planproto/planfile.proto</c>) without running terraform: <c>show -json</c> marshals the
/// very same list, so these counts are what it would count, and take milliseconds instead of a process that decodes
/// every value. Used for what <c>plan -json</c> does not stream (plain no-ops, <c>applyable</c>, <c>errored</c>) and
/// to check the stream. A file it cannot read gives null: the caller then asks <c>show -json</c>.
/// </summary>
internal static class SavedPlanFile
{
    public const ulong SupportedVersion = 3;

    private const string EntryName = "tfplan";

    public static async Task<SavedPlan?> ReadAsync(string planFile, CancellationToken cancellationToken)
    {
        try
        {
            byte[] tfplan;
            await using (var file = new FileStream(planFile, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous))
            await using (var zip = new ZipArchive(file, ZipArchiveMode.Read))
            {
                ZipArchiveEntry? entry = zip.GetEntry(EntryName);
                if (entry is null)
                {
                    return null;
                }

                await using Stream stream = entry.Open();
                using var memory = new MemoryStream(checked((int)entry.Length));
                await stream.CopyToAsync(memory, cancellationToken).ConfigureAwait(false);
                tfplan = memory.GetBuffer();
                Array.Resize(ref tfplan, (int)memory.Length);
            }

            return Parse(tfplan);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Reads the fields of a <c>tfplan</c> message; null when its format version is not the one understood.</summary>
    internal static SavedPlan? Parse(ReadOnlySpan<byte> tfplan)
    {
        var counts = new int[Enum.GetValues<PlanAction>().Length];
        ulong version = 0;
        ulong mode = 0;
        bool applyable = false, errored = false;
        int unknown = 0;
        var drift = new List<ulong>();
        var reader = new ProtoReader(tfplan);
        while (reader.Next())
        {
            switch (reader.Field, reader.WireType)
            {
                case (1, 0): version = reader.ReadVarint(); break;
                case (17, 0): mode = reader.ReadVarint(); break;
                case (25, 0): applyable = reader.ReadVarint() != 0; break;
                case (20, 0): errored = reader.ReadVarint() != 0; break;
                case (3, 2):
                    (string address, ulong action) = ReadChange(reader.ReadBytes());
                    if (action == Delete && TerraformAddress.IsData(address))
                    {
                        break; // show -json leaves out the deletion of data resources from state (an implementation detail)
                    }

                    PlanAction? folded = Fold(action);
                    if (folded is null)
                    {
                        unknown++;
                    }
                    else
                    {
                        counts[(int)folded.Value]++;
                    }

                    break;
                case (18, 2):
                    drift.Add(ReadChange(reader.ReadBytes()).Action);
                    break;
                default: reader.Skip(); break;
            }
        }

        if (version != SupportedVersion)
        {
            return null;
        }

        // show -json lists drift that is only a move in refresh-only plans alone (in the others the move is a planned change).
        int driftCount = mode == RefreshOnlyMode ? drift.Count : drift.Count(static a => a != NoOp);
        return new SavedPlan(
            new PlanCounts
            {
                Create = counts[(int)PlanAction.Create],
                Update = counts[(int)PlanAction.Update],
                Replace = counts[(int)PlanAction.Replace],
                Delete = counts[(int)PlanAction.Delete],
                Read = counts[(int)PlanAction.Read],
                NoOp = counts[(int)PlanAction.NoOp],
                Forget = counts[(int)PlanAction.Forget],
            },
            driftCount,
            applyable,
            errored,
            unknown);
    }

    private const ulong NoOp = 0;
    private const ulong Delete = 5;
    private const ulong RefreshOnlyMode = 2;

    /// <summary>planproto's Action folded as <see cref="PlanClassifierState"/> folds show -json's <c>actions</c> list.</summary>
    private static PlanAction? Fold(ulong action) => action switch
    {
        0 => PlanAction.NoOp,
        1 => PlanAction.Create,
        2 => PlanAction.Read,
        3 => PlanAction.Update,
        5 => PlanAction.Delete,
        6 or 7 => PlanAction.Replace,
        8 => PlanAction.Forget,
        9 => PlanAction.Create, // CREATE_THEN_FORGET: ["create", "forget"]
        _ => null,
    };

    /// <summary>ResourceInstanceChange: addr = 13, change = 9 (Change: action = 1).</summary>
    private static (string Address, ulong Action) ReadChange(ReadOnlySpan<byte> message)
    {
        string address = string.Empty;
        ulong action = 0;
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == 13 && reader.WireType == 2)
            {
                address = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else if (reader.Field == 9 && reader.WireType == 2)
            {
                var change = new ProtoReader(reader.ReadBytes());
                while (change.Next())
                {
                    if (change.Field == 1 && change.WireType == 0)
                    {
                        action = change.ReadVarint();
                    }
                    else
                    {
                        change.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return (address, action);
    }
}
