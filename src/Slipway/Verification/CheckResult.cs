namespace Slipway.Verification;

/// <summary>
/// The status of one thing Verify looks at, as a condition: what (<c>Deployment web/web</c>), its state, a CamelCase
/// reason and a message for a person.
/// </summary>
public sealed record CheckResult(string Subject, CheckState State, string Reason, string Message)
{
    public override string ToString() => $"{Subject}: {State} ({Reason}) {Message}".TrimEnd();
}
