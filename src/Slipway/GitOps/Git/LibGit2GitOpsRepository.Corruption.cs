namespace Slipway.GitOps.Git;

internal sealed partial class LibGit2GitOpsRepository
{
    private static readonly string[] s_corruptionSigns =
    [
        "unpacker error", "missing necessary objects", "unresolved deltas", "bad object", "is corrupt", "corrupt loose object",
        "object not found", "did not receive expected object", "failed to read object", "failed to parse loose object",
        "missing blob", "missing tree", "missing commit", "not our ref", "unable to read",
    ];

    /// <summary>True when git's or libgit2's words say the remote repository itself is damaged (objects missing or unreadable).</summary>
    private static bool IsCorruption(string text) => s_corruptionSigns.Any(sign => text.Contains(sign, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A damaged remote is no hook's or network's doing: say so, how to see what is missing, and how to restore it from a
    /// complete clone (Slipway's own clone has every object it fetched).
    /// </summary>
    private SlipwayException Corrupt(string verb, string detail)
    {
        string repair = IsLocalRemote
            ? $"See what is missing with: git -C {_remoteUrl} fsck --full{Environment.NewLine}"
                + $"Restore the objects from Slipway's clone (it has every object it fetched): git -C {WorkDirectory} repack -a -d && cp {WorkDirectory}/.git/objects/pack/pack-* {_remoteUrl}/objects/pack/"
            : $"Run git fsck --full in the remote repository (on its server) to see what is missing, and restore the objects from a complete clone (Slipway's is {WorkDirectory}: push it with git push --mirror to a repaired remote).";
        return SlipwayException.Failed(
            $"The GitOps remote {RemoteDisplay} is corrupt: it is missing or cannot read objects of branch {_options.Branch}, so the {verb} failed ({detail}). "
            + $"This is not a hook or branch protection; nothing was pushed and the local clone is reset.{Environment.NewLine}{repair}{Environment.NewLine}Then run the target again.");
    }
}
