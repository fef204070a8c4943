using Slipway.Hosting;
using Slipway.Processes;

namespace Slipway.Infrastructure;

/// <summary>
/// Runs the terraform (or tofu) binary for one stack and environment: argument lists through
/// <see cref="IProcessRunner"/>, <c>TF_IN_AUTOMATION</c>, no colour, no input, a shared plugin cache,
/// a timeout per call, secrets masked; failures become messages made of terraform's own error blocks.
/// </summary>
internal sealed partial class TerraformCli
{
    private readonly IProcessRunner _runner;
    private readonly InfraOptions _options;
    private readonly string[] _secrets;
    private readonly bool _dropCliConfig;

    public TerraformCli(IProcessRunner runner, IEnvironmentVariables environment, InfraOptions options)
    {
        InfraTool.EnsureKnown(options.Tool);
        InfraTool.EnsureInstalled(options.Tool, environment);
        _runner = runner;
        _options = options;
        // A CLI configuration file that is named but missing only makes terraform warn on every call; leave it out.
        _dropCliConfig = environment.Get("TF_CLI_CONFIG_FILE") is { Length: > 0 } cliConfig && !File.Exists(cliConfig);
        _secrets = [.. options.Variables.Values.Concat(options.Backend?.Config.Values ?? [])
            .SelectMany(static v => v.MaskedTexts).Where(static text => text.Length > 0).Distinct(StringComparer.Ordinal)];
        foreach (string secret in _secrets)
        {
            options.Log.AddSecret(secret);
        }
    }

    public InfraOptions Options => _options;

    public IReadOnlyCollection<string> Secrets => _secrets;

    public async Task<ProcessResult> RunAsync(TerraformCall call, CancellationToken cancellationToken)
    {
        ILog log = _options.Log;
        var request = new ProcessRequest(_options.Tool, [.. call.Arguments, "-no-color"])
        {
            WorkingDirectory = _options.StackDirectory,
            EnvironmentVariables = BuildEnvironment(call),
            Timeout = _options.CommandTimeout,
            IsSuccess = code => call.AcceptedExitCodes.Contains(code),
            Secrets = _secrets,
            KeepsOutputUnmasked = call.KeepsOutputUnmasked,
            OnOutputLine = call.ShowOutput ? log.Info : log.Debug,
        };
        log.Debug($"{_options.Tool} {string.Join(' ', call.Arguments)}");
        try
        {
            return await _runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ProcessFailedException ex)
        {
            throw TerraformFailure.From(_options, call.Arguments[0], ex.Result);
        }
    }

    private Dictionary<string, string?> BuildEnvironment(TerraformCall call)
    {
        Directory.CreateDirectory(_options.PluginCacheDirectory);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["TF_IN_AUTOMATION"] = "1",
            ["TF_INPUT"] = "0",
            ["CHECKPOINT_DISABLE"] = "1",
            ["TF_PLUGIN_CACHE_DIR"] = _options.PluginCacheDirectory,
            ["TF_WORKSPACE"] = call.InWorkspace ? _options.EffectiveWorkspace : null,
            ["TF_DATA_DIR"] = _options.Backend is null ? null : _options.DataDirectory,
        };
        if (_dropCliConfig)
        {
            environment["TF_CLI_CONFIG_FILE"] = null;
        }
        if (call.WithSecretVariables)
        {
            foreach ((string name, InfraVariable variable) in _options.Variables)
            {
                if (variable.IsSecret)
                {
                    environment["TF_VAR_" + name] = variable.EnvironmentValue;
                }
            }
        }

        return environment;
    }
}
