namespace Slipway.Environments.Settings;

public enum InfrastructureTool
{
    Terraform,
    Tofu,
}
