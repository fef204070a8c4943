using System.Security.Cryptography;
using System.Text;

namespace Slipway.Freezing.Lock;

/// <summary>
/// One pinned floating version. <paramref name="Key"/> is the configuration key it pins (<c>platform.releases.x.version</c>,
/// <c>apps.web.tag</c>, <c>modules.network</c>); <paramref name="Subject"/> what was resolved (the chart repository and name,
/// the image repository, the module source); <paramref name="Requested"/> the range, tag or constraint as configured;
/// <see cref="Resolved"/> the exact version or <c>sha256:</c> digest; <see cref="Pin"/> what targets use
/// (see <see cref="PinOperator"/>); <see cref="Source"/> the URL that answered.
/// </summary>
public sealed record LockEntry(LockEntryKind Kind, string Key, string Subject, string Requested)
{
    public required string Resolved { get; init; }

    public required string Pin { get; init; }

    public required string Source { get; init; }

    public required DateTimeOffset ResolvedAt { get; init; }

    /// <summary>The line of the entry in the lock file it was read from (0 for one not read from a file).</summary>
    public int Line { get; init; }

    /// <summary>
    /// <c>sha256:</c> of every field but the time: the lock stores it so that an entry edited by hand (a version typed over
    /// the resolved one) is found and refused rather than deployed.
    /// </summary>
    public string Integrity
    {
        get
        {
            string text = string.Join('\n', LockEntryKinds.Name(Kind), Key, Subject, Requested, Resolved, Pin, Source);
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }
    }

    /// <summary>Whether this entry resolved to the same thing as <paramref name="other"/> (everything but the time).</summary>
    public bool SameResolution(LockEntry other) => Integrity == other.Integrity;
}
