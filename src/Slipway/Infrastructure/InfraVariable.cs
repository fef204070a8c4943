namespace Slipway.Infrastructure;

/// <summary>
/// One input variable of a stack. A secret value is passed to terraform only through the
/// <c>TF_VAR_&lt;name&gt;</c> environment variable: never on the command line, never in the generated tfvars file.
/// </summary>
public sealed record InfraVariable(string Value, bool IsSecret = false)
{
    public static InfraVariable Secret(string value) => new(value, IsSecret: true);

    public static implicit operator InfraVariable(string value) => new(value);
}
