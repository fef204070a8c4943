namespace Slipway.Environments.Settings;

public enum GitOpsEngine
{
    Flux,
    ArgoCd,
}
