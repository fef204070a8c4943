using Slipway.Targets;

namespace Slipway.Tests.BadInput;

/// <summary>EmergencyStop and Resume given too little or contradictory input: each exits 2 naming the parameter, and writes nothing.</summary>
[Collection(BadInputCollection.Name)]
public sealed class StopCases
{
    private static readonly BadInputCase[] s_cases =
    [
        new("emergency stop without a reason", "EmergencyStop --env staging", ExitCodes.BadInput, "Parameter 'reason' is required by EmergencyStop", "--reason"),
        new("emergency stop of an unknown environment", "EmergencyStop --env stagin --reason outage", ExitCodes.BadInput, "stagin", "staging"),
        new("emergency stop with both --all and --env", "EmergencyStop --all --env staging --reason outage", ExitCodes.BadInput, "EmergencyStop: give --env NAME or --all, not both."),
        new("emergency stop with neither --all nor --env", "EmergencyStop --reason outage", ExitCodes.BadInput, "EmergencyStop needs --env NAME (one environment) or --all"),
        new("emergency stop of every environment scaling an app down", "EmergencyStop --all --scale-down web --reason outage", ExitCodes.BadInput, "--scale-down names apps of one environment"),
        new("resume with both --all and --env", "Resume --all --env staging --reason fixed", ExitCodes.BadInput, "Resume: give --env NAME or --all, not both."),
    ];

    private readonly BadInputRepository _repository;

    public StopCases(BadInputRepository repository)
    {
        _repository = repository;
    }

    public static TheoryData<string> Names => [.. s_cases.Select(static c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fails_safely(string name)
    {
        await using StateBackup backup = await StateBackup.SaveAsync(_repository.Root);
        await _repository.AssertFailsSafelyAsync(s_cases.Single(c => c.Name == name));
    }
}
