namespace Slipway.Infrastructure;

/// <summary>Where PlanInfra's classification came from.</summary>
public enum PlanClassificationSource
{
    /// <summary><c>plan -json</c>'s stream, checked against the saved plan file (the usual way: no second terraform process).</summary>
    PlanStream,

    /// <summary><c>show -json</c> of the saved plan (when the stream and the file disagree or the file's format is unknown).</summary>
    ShowJson,
}
