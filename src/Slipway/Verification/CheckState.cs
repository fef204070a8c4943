namespace Slipway.Verification;

/// <summary>Where one checked thing stands.</summary>
public enum CheckState
{
    /// <summary>Ready: nothing more to wait for.</summary>
    Ready,

    /// <summary>Not ready yet, and may still become ready.</summary>
    Progressing,

    /// <summary>Failed in a way waiting will not fix (a failed upgrade, a progress deadline, an image that cannot be pulled).</summary>
    Failed,
}
