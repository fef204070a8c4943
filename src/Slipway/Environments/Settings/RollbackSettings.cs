namespace Slipway.Environments.Settings;

/// <summary><c>rollback</c>: roll back automatically when verification fails (default false).</summary>
public sealed record RollbackSettings(bool Auto);
