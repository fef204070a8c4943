namespace Slipway.Targets;

/// <summary>The parameter holds a secret: its value is shown as *** in every line the build prints.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute
{
}
