using System.Text.RegularExpressions;

namespace Slipway.Environments.Schema;

/// <summary>
/// The format of <c>environments/&lt;name&gt;/env.yaml</c>. The validator checks files against it and
/// <see cref="JsonSchemaWriter"/> renders it as <c>environments/schema.json</c> for editors; docs/environments.md
/// documents every key.
/// </summary>
public static partial class EnvironmentSchema
{
    public static readonly ObjectSchema Root = Build();

    private static ScalarSchema Text(string description) => new(description, ScalarKind.String);

    private static ObjectSchema Build()
    {
        var name = new ScalarSchema("An environment name.", ScalarKind.Pattern, pattern: NamePattern(), patternHint: "staging");
        var url = new ScalarSchema("An http(s) URL.", ScalarKind.Url);
        var window = new ObjectSchema("A deployment window: days and a time range in a time zone.",
        [
            new("days", new ScalarSchema("Days: a range 'mon-fri', a list 'mon,wed,fri', or 'daily'.", ScalarKind.Pattern, pattern: DaysPattern(), patternHint: "mon-fri"), Required: true),
            new("start", new ScalarSchema("Start time, HH:MM.", ScalarKind.Pattern, pattern: TimePattern(), patternHint: "'08:00'"), Required: true),
            new("end", new ScalarSchema("End time, HH:MM.", ScalarKind.Pattern, pattern: TimePattern(), patternHint: "'17:00'"), Required: true),
            new("timezone", Text("IANA time zone, default UTC.")),
        ]);

        var date = new ScalarSchema("A date, YYYY-MM-DD.", ScalarKind.Pattern, pattern: DatePattern(), patternHint: "2026-12-20");
        var freeze = new ObjectSchema("A freeze: a date range (both days included) and why.",
        [
            new("from", date, Required: true),
            new("to", date, Required: true),
            new("reason", Text("Why nothing deploys then, e.g. year-end."), Required: true),
            new("timezone", Text("IANA time zone of the dates, default UTC.")),
        ]);

        return new ObjectSchema("A Slipway environment or layer.",
        [
            new("extends", new ListSchema("Parent layers in order; later parents win, this file wins over all.", name)),
            new("protected", new ScalarSchema("A protected environment needs gates (approvals >= 2, branches) and pinned versions.", ScalarKind.Boolean)),
            new("description", Text("What this environment is for.")),
            new("cluster", new ObjectSchema("Where to deploy: { local: true } or { kubeconfig, context }.",
            [
                new("local", new ScalarSchema("Use the embedded local cluster.", ScalarKind.Boolean)),
                new("kubeconfig", Text("Path of a kubeconfig file (~ is the home folder).")),
                new("context", Text("Context in the kubeconfig.")),
            ]), Required: true),
            new("gitops", new ObjectSchema("The GitOps repository this environment is rendered into.",
            [
                new("repository", Text("A URL, a path, or 'local' for a bare repository under .nuke/temp/."), Required: true),
                new("branch", new ScalarSchema("Branch, default main.", ScalarKind.BranchName)),
                new("path", Text("Folder in the repository, default clusters/<env>.")),
                new("engine", new ScalarSchema("The GitOps engine.", ScalarKind.String, allowed: ["flux", "argocd"]), Required: true),
            ]), Required: true),
            new("infrastructure", new ObjectSchema("The Terraform/OpenTofu stack of this environment.",
            [
                new("stack", new ScalarSchema("Folder of the stack, relative to the repository root.", ScalarKind.RelativePath), Required: true),
                new("workspace", Text("Workspace, default the environment name; may be a ${env:NAME} reference (per-branch environments), checked as a workspace name once resolved.")),
                new("tool", new ScalarSchema("terraform or tofu, default terraform.", ScalarKind.String, allowed: ["terraform", "tofu"])),
                new("variables", new MapSchema("Input variables of the stack: text, lists and maps (passed as typed tfvars JSON); secret references allowed, also inside lists and maps.",
                    new AnySchema("A variable value: text, a list or a map."))),
                new("backend", new ObjectSchema("Where this environment's state lives: the backend type and its settings, passed at init as -backend-config.",
                [
                    new("type", Text("Backend type, e.g. local, s3, azurerm, gcs."), Required: true),
                    new("config", new MapSchema("Backend settings (secret references allowed).", Text("A backend setting."))),
                ])),
                new("planMaxAge", new ScalarSchema("How old a saved plan may be when applied, default 1h.", ScalarKind.PositiveDuration)),
            ])),
            new("platform", new ObjectSchema("Platform components.",
            [
                new("releases", new MapSchema("Helm releases by name.", new ObjectSchema("A Helm release.",
                [
                    new("chart", Text("Chart name."), Required: true),
                    new("repository", Text("Chart repository URL."), Required: true),
                    new("version", Text("Chart version: exact (1.2.3), or a range (4.11.x, ^1.2.0) that ./build.sh Freeze pins in versions.lock.yaml; a protected environment needs it exact once locked."), Required: true),
                    new("namespace", Text("Target namespace, default the release name.")),
                    new("values", new AnySchema("Chart values; !null passes a null to the chart.") { AllowsExplicitNull = true }),
                ]))),
            ])),
            new("apps", new MapSchema("Applications by name.", new ObjectSchema("An application.",
            [
                new("image", Text("Image repository, e.g. registry.local/web."), Required: true),
                new("tag", new ScalarSchema("Image tag; pinned, not 'latest'.", ScalarKind.ImageTag)),
                new("replicas", new ScalarSchema("Replica count, default 1.", ScalarKind.Integer, minimum: 0)),
                new("namespace", Text("Namespace, default the app name.")),
                new("endpoints", new ListSchema("URLs probed by Verify.", url)),
                new("digest", new ScalarSchema("Image digest (sha256:…) the tag must have; with freeze.pinDigests the lock sets it and deploys run image:tag@digest.", ScalarKind.Pattern, pattern: DigestPattern(), patternHint: "sha256:<64 hex digits>")),
            ]))),
            new("gates", new ObjectSchema("Conditions a deployment must meet.",
            [
                new("branches", new ListSchema("Branches allowed to deploy.", Text("A branch name or glob."))),
                new("approvals", new ScalarSchema("Approvals required.", ScalarKind.Integer, minimum: 0)),
                new("cooling", new ScalarSchema("Time the promoted version must have been verified in promoteFrom.", ScalarKind.Duration)),
                new("windows", new ListSchema("Deployment windows; outside them deploys are refused.", window)),
                new("promoteFrom", name),
                new("freezes", new ListSchema("Freeze periods: nothing deploys from 'from' to 'to' (both days included).", freeze)),
                new("riskApprovals", new ObjectSchema("Approvals added to 'approvals' by the change's risk (only where approvals > 0); default high: 1, critical: 1.",
                [
                    new("medium", new ScalarSchema("Extra approvals for a medium-risk change (platform.*), default 0.", ScalarKind.Integer, minimum: 0)),
                    new("high", new ScalarSchema("Extra approvals for a high-risk change (infra/, infrastructure.*), default 1.", ScalarKind.Integer, minimum: 0)),
                    new("critical", new ScalarSchema("Extra approvals for a critical change (a plan that replaces or deletes), default 1.", ScalarKind.Integer, minimum: 0)),
                ])),
            ])),
            new("verify", new ObjectSchema("Checks after deploying.",
            [
                new("timeout", new ScalarSchema("How long to wait for the rollout, default 5m.", ScalarKind.PositiveDuration)),
                new("interval", new ScalarSchema("Poll interval, default 5s.", ScalarKind.PositiveDuration)),
                new("endpoints", new ListSchema("Extra URLs to probe.", url)),
            ])),
            new("rollback", new ObjectSchema("What to do when verification fails.",
            [
                new("auto", new ScalarSchema("Roll back automatically.", ScalarKind.Boolean)),
            ])),
            new("freeze", new ObjectSchema("How ./build.sh Freeze resolves and pins floating versions into versions.lock.yaml (docs/freeze.md).",
            [
                new("mirrors", new MapSchema("Where to ask instead: an upstream prefix (a chart repository URL prefix such as https://, a registry host such as registry.local) mapped to 'local' (the local cluster's chart mirror and OCI registry, which Freeze starts) or a mirror URL.",
                    Text("'local' or an http(s) URL."))),
                new("pinDigests", new ScalarSchema("Deploy images by the digest the lock pinned (image:tag@sha256:…), not by tag alone.", ScalarKind.Boolean)),
                new("registries", new MapSchema("Registry logins by host (ghcr.io, docker.io) for the OCI token challenge.", new ObjectSchema("A registry login; use ${env:…} references.",
                [
                    new("username", Text("User name, e.g. ${env:GHCR_USER}.")),
                    new("password", Text("Password or token, e.g. ${env:GHCR_TOKEN}.")),
                ]))),
            ])),
            new("allowPlainTextSecrets", new ScalarSchema("This layer (a throwaway demo) may hold plain text under secret-looking keys: warnings, not errors; not inherited, and no protected environment may extend it.", ScalarKind.Boolean)),
        ]);
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(daily|(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun)|(,(mon|tue|wed|thu|fri|sat|sun))*))$", RegexOptions.CultureInvariant)]
    private static partial Regex DaysPattern();

    [GeneratedRegex("^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
