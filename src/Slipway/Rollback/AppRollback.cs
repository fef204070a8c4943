namespace Slipway.Rollback;

/// <summary>One app set back: from what runs now to an image and tag it ran before.</summary>
public sealed record AppRollback(string App, string FromImage, string FromTag, string ToImage, string ToTag)
{
    public override string ToString()
        => FromImage == ToImage ? $"{App} {FromTag} -> {ToTag}" : $"{App} {FromImage}:{FromTag} -> {ToImage}:{ToTag}";
}
