using Slipway.Targets;
using Slipway.Tests.EndToEnd;
using Slipway.Tests.Support;

namespace Slipway.Tests.BadInput;

/// <summary>
/// Bad command lines, variables and parameter files: unknown names (with did-you-mean), missing and mistyped parameters,
/// values out of range, path traversal, ordinary shell variables (ignored: only <c>SLIPWAY_*</c> bind), a missing tool.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class ParameterCases
{
    private const string Required = "Set it with --";


    private static readonly BadInputCase[] s_cases =
    [
        new("unknown target with suggestion", "DeployStagin", ExitCodes.BadInput, "DeployStaging"),
        new("unknown parameter with suggestion", "Validate --evn staging", ExitCodes.BadInput, "--env"),
        new("unknown skipped target with suggestion", "Validate --skip Compil", ExitCodes.BadInput, "Unknown target 'Compil' (did you mean 'Compile'?)"),
        new("unknown environment", "Status --env nope", ExitCodes.BadInput, "--env", "nope"),
        new("required parameter missing", "DeployPlatform", ExitCodes.BadInput, "--env"),
        new("empty required parameter", "Status --env", ExitCodes.BadInput, "--env"),
        new("empty required parameter after =", "Status --env=", ExitCodes.BadInput, "Parameter 'env' is required by Status", Required + "env <value>"),
        new("ShowConfig without --env", "ShowConfig", ExitCodes.BadInput, "required by ShowConfig", Required + "env <value>, the environment variable SLIPWAY_ENV"),
        new("SyncApps without --env", "SyncApps", ExitCodes.BadInput, "required by SyncApps", Required + "env <value>"),
        new("Verify without --env", "Verify", ExitCodes.BadInput, "required by Verify", Required + "env <value>"),
        new("PlanInfra without --env", "PlanInfra", ExitCodes.BadInput, "required by PlanInfra", Required + "env <value>"),
        new("ApplyInfra without --env", "ApplyInfra", ExitCodes.BadInput, "Parameter 'env' is required", Required + "env <value>"),
        new("NewEnvironment without --name", "NewEnvironment --extends base", ExitCodes.BadInput, "required by NewEnvironment", Required + "name <value>"),
        new("NewEnvironment without --extends", "NewEnvironment --name feature-1", ExitCodes.BadInput, "required by NewEnvironment", Required + "extends <value>"),
        new("PublishImage without --image", "PublishImage --tag v1", ExitCodes.BadInput, "required by PublishImage", Required + "image <value>"),
        new("PublishImage without --tag", "PublishImage --image web", ExitCodes.BadInput, "required by PublishImage", Required + "tag <value>"),
        new("aggregate and a different --env", "DeployStaging --env dev", ExitCodes.BadInput, "--env", "staging"),
        new("two aggregates at once", "DeployDev DeployStaging", ExitCodes.BadInput, "DeployDev", "DeployStaging"),
        new("integer parameter given text", "LocalCluster --local-cluster-port abc", ExitCodes.BadInput, "--local-cluster-port"),
        new("port above its range", "LocalCluster --local-cluster-port 99999", ExitCodes.BadInput, "(from --local-cluster-port): '99999' is not a whole number from 0 to 65535"),
        new("negative port", "LocalCluster --local-cluster-port -1", ExitCodes.BadInput, "(from --local-cluster-port): '-1' is not a whole number from 0 to 65535"),
        new("flag given a word", "Validate --warnings-as-errors maybe", ExitCodes.BadInput, "(from --warnings-as-errors): 'maybe' is not true or false"),
        new("plan format unknown", "--plan --format svg", ExitCodes.BadInput, "--format svg", "use text or mermaid"),
        new("profile file missing", "Validate --profile ci", ExitCodes.BadInput, ".nuke/parameters.ci.json does not exist", "leave out --profile ci"),
        new("app that does not exist", "SyncApps --env staging --app nope --tag x", ExitCodes.BadInput, "--app 'nope' is not an app of environment staging"),
        new("prefixed variable out of range", "LocalCluster", ExitCodes.BadInput, "(from environment variable SLIPWAY_LOCAL_CLUSTER_PORT): '99999' is not a whole number from 0 to 65535")
        {
            Variables = Set("SLIPWAY_LOCAL_CLUSTER_PORT", "99999"),
        },
        new("prefixed variable names an unknown environment", "Status", ExitCodes.BadInput, "--env: no environment 'nope'", "NewEnvironment --name nope")
        {
            Variables = Set("SLIPWAY_ENV", "nope"),
        },
        new("ENV of the shell is ignored", "Status", ExitCodes.BadInput, "Parameter 'env' is required by Status", "the environment variable SLIPWAY_ENV")
        {
            Variables = Set("ENV", "staging"),
        },
        new("NAME of WSL is ignored", "NewEnvironment --extends base", ExitCodes.BadInput, "Parameter 'name' is required by NewEnvironment", "SLIPWAY_NAME")
        {
            Variables = Set("NAME", "feature-1"),
        },
        new("TAG of the shell is ignored", "PublishImage --image web", ExitCodes.BadInput, "Parameter 'tag' is required by PublishImage", "SLIPWAY_TAG")
        {
            Variables = Set("TAG", "1.0.0"),
        },
        new("IMAGE of the shell is ignored", "PublishImage --tag v1", ExitCodes.BadInput, "Parameter 'image' is required by PublishImage", "SLIPWAY_IMAGE")
        {
            Variables = Set("IMAGE", "web"),
        },
        new("parameters.json that is not an object", "Status", ExitCodes.BadInput, ".nuke/parameters.json: must hold a JSON object")
        {
            Arrange = static root => WriteParameters(root, "[1, 2]"),
        },
        new("parameters.json with an unknown key", "Status", ExitCodes.BadInput, ".nuke/parameters.json: unknown parameter \"Evn\" (did you mean 'Env'?)")
        {
            Arrange = static root => WriteParameters(root, """{ "Evn": "staging" }"""),
        },
        new("parameters.json with text for an integer", "Status", ExitCodes.BadInput, "(from .nuke/parameters.json): 'abc' is not a whole number from 0 to 65535")
        {
            Arrange = static root => WriteParameters(root, """{ "LocalClusterPort": "abc" }"""),
        },
        new("parameters.json with an object value", "Status", ExitCodes.BadInput, ".nuke/parameters.json: \"Env\" must be a string, a number, true/false or a list of those, not an object")
        {
            Arrange = static root => WriteParameters(root, """{ "Env": { "name": "staging" } }"""),
        },
        new("parameters.json with a list for one value", "Status", ExitCodes.BadInput, "Parameter 'env' (from .nuke/parameters.json): takes one value but got 2")
        {
            Arrange = static root => WriteParameters(root, """{ "Env": ["staging", "dev"] }"""),
        },
        new("environment name with ..", "Status --env ../staging", ExitCodes.BadInput, "--env: environment name '../staging' is invalid", "use 1-63 characters of a-z, 0-9 and '-'"),
        new("new environment name with ..", "NewEnvironment --name ../x --extends base", ExitCodes.BadInput, "--name: environment name '../x' is invalid"),
        new("new environment extending ..", "NewEnvironment --name feature-1 --extends ../base", ExitCodes.BadInput, "--extends: environment name '../base' is invalid"),
        new("new environment over an existing one", "NewEnvironment --name staging --extends base", ExitCodes.BadInput, "environment 'staging' already exists", "choose another --name"),
        new("new environment extending a typo", "NewEnvironment --name feature-1 --extends bse", ExitCodes.BadInput, "--extends: no environment 'bse' (did you mean 'base'?)"),
        new("plan file outside the repository", "ApplyInfra --env staging --plan-file ../../../../../../../../etc/passwd", ExitCodes.BadInput, "--plan-file /etc/passwd has no infra-plan.json next to it", "./build.sh PlanInfra --env staging"),
        new("config key with a typo", "ShowConfig --env staging --key apps.web.tga", ExitCodes.BadInput, "--key: 'apps.web.tga' is not set in environment 'staging' (did you mean 'apps.web.tag'?)"),
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

    [Fact]
    public async Task Invalid_parameters_json_names_the_file_line_and_fix_but_not_the_parser_internals()
    {
        BuildRun run = await _repository.AssertFailsSafelyAsync(
            new BadInputCase("parameters.json that is not JSON", "Status", ExitCodes.BadInput, ".nuke/parameters.json(2,10): invalid JSON", "Fix the file")
            {
                Arrange = static root => WriteParameters(root, "{\n  \"Env\": ,\n}"),
            });

        run.Output.ShouldNotContain("LineNumber");
        run.Output.ShouldNotContain("BytePositionInLine");
    }

    [Fact]
    public async Task Terraform_not_on_PATH_is_bad_setup_naming_the_fix()
    {
        using var programs = new TempDirectory("slipway-path");
        string path = PathWithoutTerraform(programs);
        File.Exists(Path.Combine(path, "terraform")).ShouldBeFalse();
        File.Exists(Path.Combine(path, "git")).ShouldBeTrue();

        await _repository.AssertFailsSafelyAsync(
            new BadInputCase("terraform not on PATH", "PlanInfra --env staging", ExitCodes.BadInput, "'terraform' was not found on PATH", "install Terraform", "infrastructure.tool: tofu")
            {
                Variables = Set("PATH", path),
            });
    }

    private static Dictionary<string, string?> Set(string name, string value) => new(StringComparer.Ordinal) { [name] = value };

    private static Task WriteParameters(string root, string json) => File.WriteAllTextAsync(Path.Combine(root, ".nuke", "parameters.json"), json);

    /// <summary>
    /// A PATH that has every program of this machine's PATH except terraform and tofu: one folder of links, so the case runs
    /// wherever terraform is installed (even in /usr/bin beside git and bash).
    /// </summary>
    private static string PathWithoutTerraform(TempDirectory folder)
    {
        string[] hidden = ["terraform", "tofu"];
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (string program in Directory.EnumerateFiles(directory))
            {
                string name = Path.GetFileName(program);
                if (!hidden.Contains(name) && linked.Add(name))
                {
                    File.CreateSymbolicLink(folder.Combine(name), program);
                }
            }
        }

        return folder.Path;
    }
}
