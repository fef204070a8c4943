using Slipway;
using Slipway.Delivery;
using Slipway.Releases;
using Slipway.Rollback;
using Slipway.Targets;
using Slipway.Verification;

/// <summary>History, Rollback and Resume: back to a known good state, and staying there (src/Slipway/Releases, src/Slipway/Rollback).</summary>
internal sealed partial class Build
{
    [Parameter("History: how many releases to show, newest first", Minimum = 1)]
    private readonly int _limit = 20;

    [Parameter("History: print JSON instead of a table")]
    private readonly bool _json;

    [Parameter("Rollback: set back every app tag and chart version of this release id (see History), in one commit")]
    private readonly string? _release;

    [Parameter("Rollback, Resume, EmergencyStop, --break-glass, --outside-window: why (the commit body, the hold, the stop and the release record say it)")]
    private readonly string? _reason;

    [Parameter("Rollback: do not ask before writing (required where there is no terminal, e.g. CI)")]
    private readonly bool _yes;

    [Parameter("Rollback: allow a --tag never deployed to the environment (with --app; Verify then finds out whether the image exists)")]
    private readonly bool _allowNewTag;

    private Target History => _ => _
        .Description("The releases of --env, newest first (--app, --limit, --json): tags, charts, GitOps commit, time, who, verified or failed")
        .Requires(() => _env)
        .Executes(async ct =>
        {
            HistoryView history = await (await DeliveryAsync(ct)).ReadHistoryAsync(_app, _limit, ct);
            foreach (string line in _json ? [history.ToJson()] : history.FormatTable())
            {
                Output.Info(line);
            }
        });

    private Target Rollback => _ => _
        .Description("Set --tag (or --release ID, or the previous verified release) back in one GitOps commit, hold it, reconcile, Verify, record")
        .Executes(async ct =>
        {
            if (_env is null && _tag is null)
            {
                throw SlipwayException.Input("Rollback needs --env NAME (back to the previous verified release, or --release ID) or --tag TAG (the environment is found from the tag).");
            }

            string environment = _env ?? await RollbackLocator.FindEnvironmentAsync(DeliveryContext(), await CatalogAsync(ct), _tag!, _app, ct);
            EnvironmentDelivery delivery = await DeliveryAsync(ct, environment);
            if (!_duringStop)
            {
                await delivery.RefuseWhileStoppedAsync("Rollback", EnvironmentDelivery.DuringStopHint, ct);
            }

            await CheckGatesAsync(delivery, "Rollback", Slipway.Gates.GateMode.Rollback, ct);

            var request = new RollbackRequest { Tag = _tag, App = _app, Release = _release, AllowNewTag = _allowNewTag, Reason = _reason };
            RollbackPlan plan = await delivery.PlanRollbackAsync(request, ct);
            if (plan.IsEmpty)
            {
                Output.Success($"{environment} already runs the versions of {plan.Source}: nothing to roll back.");
                return;
            }

            foreach (string line in plan.Describe())
            {
                Output.Info(line);
            }

            if (plan.InfraWarning is { } infra)
            {
                Output.Warning(infra);
            }

            ConfirmRollback(environment);
            await delivery.RollbackAsync(plan, _duringStop, ct);
            if (delivery.IsStopped)
            {
                Output.Warning($"Rolled back in Git only ({plan.Subject}): {environment} is under an emergency stop, so the cluster applies it when the stop is lifted. Then: ./build.sh Verify --env {environment}");
                return;
            }

            using var http = new HttpClient();
            var progress = new LogVerificationProgress(Log, IsLocalBuild ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(15));
            VerificationReport report = await delivery.VerifyRollbackAsync(progress, http, ct);
            Output.Success($"Rolled back {plan.Subject["rollback(".Length..].Replace("): ", ": ", StringComparison.Ordinal)}; {environment} is live: {report.Summary()}");
            Output.Info($"Held until: ./build.sh Resume --env {environment} --reason \"...\"");
        });

    /// <summary>On a terminal without --yes: ask. Without a terminal (CI, a pipe) --yes is required (exit 2).</summary>
    private void ConfirmRollback(string environment)
    {
        if (_yes)
        {
            return;
        }

        bool terminal = IsLocalBuild && !Console.IsInputRedirected && !EnvironmentVariables.ContainsKey("CI");
        if (!terminal)
        {
            throw SlipwayException.Input($"Rollback of {environment} needs --yes where there is no terminal to ask (CI, a pipe): review the change above, then run it again with --yes.");
        }

        Console.Write($"Roll back {environment} as shown? [y/N] ");
        Console.Out.Flush(); // the console writer masks a line at a time: without this the question shows only after the answer
        string? answer = Console.ReadLine();
        if (answer is null || !answer.Trim().StartsWith('y'))
        {
            throw SlipwayException.Refused("Rollback not confirmed: nothing was written.");
        }
    }
}
