namespace Slipway;

/// <summary>Whose fault a failure is, and so which exit code it maps to (see DESIGN.md, "Exit codes").</summary>
public enum FailureKind
{
    /// <summary>A step failed (a process, the cluster, the network): exit 1.</summary>
    Failed = 1,

    /// <summary>Bad input: invalid configuration, unknown name, malformed value: exit 2.</summary>
    Input = 2,

    /// <summary>A gate refused (approvals, window, freeze, hold, lock held): exit 3. A business outcome, not an error.</summary>
    Refused = 3,
}
