using Slipway.Delivery;
using Slipway.Environments;
using Slipway.Freezing;
using Slipway.Freezing.Lock;
using Slipway.Gates;
using Slipway.Targets;

/// <summary>Checklist: the release checklist of --env, checked live where Slipway can, open where a person must (src/Slipway/Gates/ChecklistBuilder.cs).</summary>
internal sealed partial class Build
{
    private Target Checklist => _ => _
        .Description("Print the release checklist of --env (frozen, plan reviewed, branch, approvals, window, staging verified and cooled, no stop, backups) and write it as Markdown to .nuke/temp/<env>/checklist.md; a report: unmet items do not fail it")
        .Requires(() => _env)
        .After(Validate, PlanInfra)
        .Executes(async ct =>
        {
            EnvironmentCatalog catalog = await CatalogAsync(ct);
            catalog.Require(_env!);
            IReadOnlyList<string> lockProblems = new EnvironmentFreeze(FreezeContext(catalog)).Check(catalog, _env!);
            string lockFile = VersionLock.RelativePath(_env!);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var approvals = new ApprovalSources(Slipway.Hosting.ProcessEnvironmentVariables.Instance, http) { GitHubToken = _githubToken, GitLabToken = _gitlabToken };
            var gates = new GateCheckRequest(nameof(Checklist), GateMode.Deploy, approvals) { App = _app, Tag = _tag, PlanMetadata = PlanMetadataFile };
            var request = new ChecklistRequest(gates, lockFile, lockProblems.Count == 0 ? null : string.Join("; ", lockProblems));
            ReleaseChecklist checklist = await (await DeliveryAsync(ct)).ChecklistAsync(request, ct);
            foreach (string line in checklist.Describe())
            {
                Output.Info(line);
            }

            string file = Path.Combine(TemporaryDirectory, _env!, "checklist.md");
            await Slipway.IO.AtomicFile.WriteAllTextAsync(file, checklist.ToMarkdown(), ct);
            Output.Success($"{checklist.Summary}; written to {file}");
        });
}
