namespace Slipway.Freezing.Lock;

/// <summary>What a lock entry pins: a Helm chart version, an image tag's digest, or a Terraform module version.</summary>
public enum LockEntryKind
{
    Chart,
    Image,
    Module,
}

/// <summary>The lock file's spelling of <see cref="LockEntryKind"/>: <c>chart</c>, <c>image</c>, <c>module</c>.</summary>
public static class LockEntryKinds
{
    public static string Name(LockEntryKind kind) => kind switch
    {
        LockEntryKind.Chart => "chart",
        LockEntryKind.Image => "image",
        _ => "module",
    };

    public static LockEntryKind? Parse(string text) => text switch
    {
        "chart" => LockEntryKind.Chart,
        "image" => LockEntryKind.Image,
        "module" => LockEntryKind.Module,
        _ => null,
    };
}
