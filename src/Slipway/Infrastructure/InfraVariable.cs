namespace Slipway.Infrastructure;

/// <summary>
/// One input variable of a stack. <see cref="Value"/> is the text of a single value, or, when
/// <see cref="IsStructured"/>, the JSON of a list or map (passed with its types). A secret value is passed to
/// terraform only through the <c>TF_VAR_&lt;name&gt;</c> environment variable: never on the command line, never in the
/// generated tfvars file. A structured value holding secret references is secret as a whole; <see cref="SecretParts"/>
/// are the resolved secrets inside it, for masking.
/// </summary>
public sealed record InfraVariable(string Value, bool IsSecret = false)
{
    public bool IsStructured { get; init; }

    public IReadOnlyList<string> SecretParts { get; init; } = [];

    public static InfraVariable Secret(string value) => new(value, IsSecret: true);

    /// <summary>A list or map as JSON (<paramref name="secretParts"/>: the resolved secrets it holds, if any).</summary>
    public static InfraVariable Json(string json, IReadOnlyList<string> secretParts)
        => new(json, IsSecret: secretParts.Count > 0) { IsStructured = true, SecretParts = secretParts };

    /// <summary>The texts to mask in terraform's output.</summary>
    public IEnumerable<string> MaskedTexts => !IsSecret ? [] : IsStructured ? SecretParts : [Value];

    /// <summary>
    /// The value of <c>TF_VAR_&lt;name&gt;</c>: the text, or for a list or map its JSON, which terraform reads as HCL once
    /// template sequences inside strings (<c>${</c>, <c>%{</c>) are escaped.
    /// </summary>
    public string EnvironmentValue => IsStructured
        ? Value.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal)
        : Value;

    public static implicit operator InfraVariable(string value) => new(value);
}
