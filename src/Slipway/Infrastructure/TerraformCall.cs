namespace Slipway.Infrastructure;

/// <summary>How one terraform command is run.</summary>
internal sealed record TerraformCall(params string[] Arguments)
{
    /// <summary>Exit codes that are not failures (e.g. 0 and 2 for <c>plan -detailed-exitcode</c>).</summary>
    public int[] AcceptedExitCodes { get; init; } = [0];

    /// <summary>Run in the environment's workspace (TF_WORKSPACE); false only for <c>workspace select</c> itself.</summary>
    public bool InWorkspace { get; init; } = true;

    /// <summary>Pass the secret variables as TF_VAR_ environment variables (plan only).</summary>
    public bool WithSecretVariables { get; init; }

    /// <summary>Return standard output unmasked (<c>output -json</c>: the values a later target reads); echoed lines stay masked.</summary>
    public bool KeepsOutputUnmasked { get; init; }

    /// <summary>Echo terraform's output lines as information rather than debug.</summary>
    public bool ShowOutput { get; init; }
}
