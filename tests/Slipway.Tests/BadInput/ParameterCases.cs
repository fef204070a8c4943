using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>Bad command lines: unknown names (with did-you-mean), missing and mistyped parameters.</summary>
[Collection(BadInputCollection.Name)]
public sealed class ParameterCases
{
    private static readonly BadInputCase[] s_cases =
    [
        new("unknown target with suggestion", "DeployStagin", ExitCodes.BadInput, "DeployStaging"),
        new("unknown parameter with suggestion", "Validate --evn staging", ExitCodes.BadInput, "--env"),
        new("unknown environment", "Status --env nope", ExitCodes.BadInput, "--env", "nope"),
        new("required parameter missing", "DeployPlatform", ExitCodes.BadInput, "--env"),
        new("empty required parameter", "Status --env", ExitCodes.BadInput, "--env"),
        new("aggregate and a different --env", "DeployStaging --env dev", ExitCodes.BadInput, "--env", "staging"),
        new("two aggregates at once", "DeployDev DeployStaging", ExitCodes.BadInput, "DeployDev", "DeployStaging"),
        new("integer parameter given text", "LocalCluster --local-cluster-port abc", ExitCodes.BadInput, "--local-cluster-port"),
        new("app that does not exist", "SyncApps --env staging --app nope --tag x", ExitCodes.BadInput, "--app 'nope' is not an app of environment staging"),
    ];

    private readonly BadInputRepository _repository;

    public ParameterCases(BadInputRepository repository)
    {
        _repository = repository;
    }

    public static TheoryData<string> Names => [.. s_cases.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fails_safely(string name) => await _repository.AssertFailsSafelyAsync(s_cases.Single(c => c.Name == name));
}
