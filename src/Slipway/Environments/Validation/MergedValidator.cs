using NuGet.Versioning;
using Slipway.Environments.Schema;
using Slipway.Environments.Yaml;

namespace Slipway.Environments.Validation;

/// <summary>
/// Checks a merged environment: required keys, cluster either local or kubeconfig, promoteFrom naming another
/// environment, and policy (a protected environment needs approvals >= 2, branches and pinned versions; elsewhere
/// a floating version is a warning).
/// </summary>
internal static class MergedValidator
{
    public static void Validate(ResolvedEnvironment environment, IReadOnlyCollection<string> knownEnvironments, ICollection<Diagnostic> diagnostics)
    {
        ConfigMapping root = environment.Root;
        CheckRequired(root, EnvironmentSchema.Root, string.Empty, diagnostics);
        CheckCluster(root, diagnostics);
        CheckGitOpsPath(root, diagnostics);
        CheckPromoteFrom(environment, knownEnvironments, diagnostics);
        CheckGateCalendar(root, diagnostics);
        bool isProtected = root.Get("protected") is ConfigScalar { Value: "true" };
        if (isProtected)
        {
            CheckProtectedGates(root, diagnostics);
        }

        CheckVersions(root, isProtected, diagnostics);
        foreach (Diagnostic disagreement in environment.Disagreements)
        {
            diagnostics.Add(disagreement);
        }
    }

    /// <summary>A protected environment may not extend (or be) a layer that accepts plain-text secrets (SLW0206).</summary>
    public static void CheckPlainTextPermission(ResolvedEnvironment environment, IReadOnlyDictionary<string, EnvironmentLayer> layers, ICollection<Diagnostic> diagnostics)
    {
        if (environment.Root.GetEntry("protected") is not { Value: ConfigScalar { Value: "true" } } protectedEntry)
        {
            return;
        }

        foreach (string name in environment.Layers)
        {
            if (layers[name].PlainTextSecretsAllowedAt is { } allowed)
            {
                diagnostics.Add(Diagnostic.Error(protectedEntry.KeyLocation, EnvironmentDiagnosticCodes.ProtectedPlainTextSecrets,
                    $"protected environment '{environment.Name}' takes layer '{name}', which accepts plain-text secrets (allowPlainTextSecrets: true at {allowed}): a protected environment can never inherit that; extend a layer without it, or remove it from '{name}'"));
            }
        }
    }

    private static void CheckRequired(ConfigMapping mapping, SchemaNode schema, string path, ICollection<Diagnostic> diagnostics)
    {
        switch (schema)
        {
            case ObjectSchema objectSchema:
                foreach (SchemaProperty property in objectSchema.Properties.Values)
                {
                    ConfigNode? value = mapping.Get(property.Name);
                    if (value is null && property.Required)
                    {
                        diagnostics.Add(MissingRequired(mapping, path, property));
                    }
                    else if (value is ConfigMapping child)
                    {
                        CheckRequired(child, property.Schema, Join(path, property.Name), diagnostics);
                    }
                }

                break;
            case MapSchema mapSchema:
                foreach (ConfigEntry entry in mapping.Entries)
                {
                    if (entry.Value is ConfigMapping child)
                    {
                        CheckRequired(child, mapSchema.Values, Join(path, entry.Key), diagnostics);
                    }
                }

                break;
        }
    }

    /// <summary>
    /// A required key that is not set: at the <c>null</c> of the layer that removed it (naming what it removed), or else
    /// at the mapping that lacks it.
    /// </summary>
    private static Diagnostic MissingRequired(ConfigMapping mapping, string path, SchemaProperty property)
    {
        string where = path.Length == 0 ? "the environment" : $"'{path}'";
        string missing = $"{where} is missing required key '{property.Name}'";
        if (mapping.RemovedBy(property.Name) is { } removal)
        {
            string removed = removal.Previous is { } previous ? $"removes the value set at {previous.KeyLocation}" : "removes it";
            return Diagnostic.Error(removal.Value.Location, EnvironmentDiagnosticCodes.MissingRequired,
                $"{missing}: null here {removed} ({property.Schema.Description}): delete this line, or set a value instead of null");
        }

        return Diagnostic.Error(mapping.Location, EnvironmentDiagnosticCodes.MissingRequired,
            $"{missing} ({property.Schema.Description}): set it here or in a layer this environment extends");
    }

    /// <summary><c>gitops.path</c> is a folder of the GitOps repository: relative, and not leaving it through <c>..</c>.</summary>
    private static void CheckGitOpsPath(ConfigMapping root, ICollection<Diagnostic> diagnostics)
    {
        if (root.Get("gitops") is not ConfigMapping gitops || gitops.GetEntry("path") is not { Value: ConfigScalar { IsNull: false } path })
        {
            return;
        }

        string value = path.Value;
        bool absolute = value.StartsWith('/') || value.StartsWith('\\') || Path.IsPathRooted(value) || (value.Length > 1 && value[1] == ':');
        bool escapes = value.Split('/', '\\').Contains("..", StringComparer.Ordinal);
        if (absolute || escapes || value.Trim('/', '.').Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(path.Location, EnvironmentDiagnosticCodes.InvalidValue,
                $"gitops.path '{value}' must be a folder inside the GitOps repository, relative to its root and without '..' (e.g. clusters/staging)"));
        }
    }

    private static void CheckCluster(ConfigMapping root, ICollection<Diagnostic> diagnostics)
    {
        if (root.Get("cluster") is not ConfigMapping cluster)
        {
            return;
        }

        bool local = cluster.Get("local") is ConfigScalar { Value: "true" };
        ConfigEntry? kubeconfig = cluster.GetEntry("kubeconfig");
        if (local && kubeconfig is not null)
        {
            diagnostics.Add(Diagnostic.Error(kubeconfig.KeyLocation, EnvironmentDiagnosticCodes.Conflict,
                $"cluster sets both 'local: true' (at {cluster.GetEntry("local")!.KeyLocation}) and 'kubeconfig': keep one; to replace an inherited local cluster write 'local: null' next to kubeconfig"));
        }
        else if (!local && kubeconfig is null)
        {
            // A layer that removed 'local' with null (and wrote no kubeconfig) is where the fix goes.
            SourceLocation at = (cluster.RemovedBy("local") ?? cluster.RemovedBy("kubeconfig"))?.Value.Location ?? cluster.Location;
            diagnostics.Add(Diagnostic.Error(at, EnvironmentDiagnosticCodes.MissingRequired,
                "cluster needs 'local: true' (the embedded cluster) or 'kubeconfig:' (and usually 'context:') of a real cluster"));
        }
    }

    private static void CheckPromoteFrom(ResolvedEnvironment environment, IReadOnlyCollection<string> known, ICollection<Diagnostic> diagnostics)
    {
        if (environment.Find("gates.promoteFrom")?.Value is not ConfigScalar { IsNull: false } from || !EnvironmentName.IsValid(from.Value))
        {
            return;
        }

        if (from.Value == environment.Name)
        {
            diagnostics.Add(Diagnostic.Error(from.Location, EnvironmentDiagnosticCodes.InvalidValue,
                $"gates.promoteFrom names '{environment.Name}' itself: name the environment versions come from (e.g. staging)"));
        }
        else if (!known.Contains(from.Value))
        {
            diagnostics.Add(Diagnostic.Error(from.Location, EnvironmentDiagnosticCodes.InvalidValue,
                $"gates.promoteFrom names unknown environment '{from.Value}'{NameSuggester.Hint(from.Value, known)}"));
        }
    }

    /// <summary>The time zones of <c>gates.windows</c> and <c>gates.freezes</c> are known here, and each freeze's dates are real and in order (SLW0110).</summary>
    private static void CheckGateCalendar(ConfigMapping root, ICollection<Diagnostic> diagnostics)
    {
        ConfigMapping? gates = root.Get("gates") as ConfigMapping;
        foreach (string list in new[] { "windows", "freezes" })
        {
            foreach (ConfigMapping item in (gates?.Get(list) as ConfigSequence)?.Items.OfType<ConfigMapping>() ?? [])
            {
                if (item.Get("timezone") is ConfigScalar { IsNull: false } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone.Value, out _))
                {
                    diagnostics.Add(Diagnostic.Error(zone.Location, EnvironmentDiagnosticCodes.InvalidGateCalendar,
                        $"gates.{list}[].timezone '{zone.Value}' is not a time zone known here: use an IANA name such as UTC or Europe/Amsterdam"));
                }

                if (list == "freezes" && Date(item, "from") is { } from && Date(item, "to") is { } to && to.Date < from.Date)
                {
                    diagnostics.Add(Diagnostic.Error(to.Location, EnvironmentDiagnosticCodes.InvalidGateCalendar,
                        $"gates.freezes[].to {to.Date:yyyy-MM-dd} is before its from {from.Date:yyyy-MM-dd}"));
                }
            }
        }

        (DateOnly Date, SourceLocation Location)? Date(ConfigMapping freeze, string key)
        {
            if (freeze.Get(key) is not ConfigScalar { IsNull: false } scalar)
            {
                return null;
            }

            if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly date))
            {
                return (date, scalar.Location);
            }

            if (System.Text.RegularExpressions.Regex.IsMatch(scalar.Value, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                diagnostics.Add(Diagnostic.Error(scalar.Location, EnvironmentDiagnosticCodes.InvalidGateCalendar, $"gates.freezes[].{key} '{scalar.Value}' is not a date (YYYY-MM-DD, e.g. 2026-12-20)"));
            }

            return null;
        }
    }

    private static void CheckProtectedGates(ConfigMapping root, ICollection<Diagnostic> diagnostics)
    {
        SourceLocation protectedAt = root.GetEntry("protected")!.KeyLocation;
        ConfigMapping? gates = root.Get("gates") as ConfigMapping;
        ConfigEntry? approvals = gates?.GetEntry("approvals");
        if (approvals?.Value is not ConfigScalar scalar || !int.TryParse(scalar.Value, out int count) || count < 2)
        {
            diagnostics.Add(Diagnostic.Error(approvals?.Value.Location ?? protectedAt, EnvironmentDiagnosticCodes.ProtectedNeedsApprovals,
                "a protected environment needs 'gates.approvals: 2' or more"));
        }

        if (gates?.Get("branches") is not ConfigSequence { Items.Count: > 0 })
        {
            diagnostics.Add(Diagnostic.Error(gates?.GetEntry("branches")?.KeyLocation ?? protectedAt, EnvironmentDiagnosticCodes.ProtectedNeedsBranches,
                "a protected environment needs 'gates.branches' (e.g. [main]) so only those branches deploy"));
        }
    }

    private static void CheckVersions(ConfigMapping root, bool isProtected, ICollection<Diagnostic> diagnostics)
    {
        if (root.Find("platform.releases")?.Value is ConfigMapping releases)
        {
            foreach (ConfigEntry release in releases.Entries)
            {
                if (release.Value is ConfigMapping settings && settings.Get("version") is ConfigScalar { IsNull: false } version && !IsPinned(version.Value))
                {
                    Report(version, isProtected, $"platform.releases.{release.Key}.version '{version.Value}' is a range, not a pinned version: write an exact version such as 1.2.3 (./build.sh Freeze resolves ranges)", diagnostics);
                }
            }
        }

        if (root.Get("apps") is ConfigMapping apps)
        {
            foreach (ConfigEntry app in apps.Entries)
            {
                if (app.Value is not ConfigMapping settings)
                {
                    continue;
                }

                ConfigScalar? tag = settings.Get("tag") as ConfigScalar;
                if (tag is null || tag.IsNull || tag.Value is "latest" or "")
                {
                    Report(tag ?? (ConfigNode)settings, isProtected, $"apps.{app.Key}.tag is {(tag is null ? "not set" : $"'{tag.Value}'")}: pin an image tag (e.g. the build number or a release tag)", diagnostics);
                }
            }
        }
    }

    private static void Report(ConfigNode at, bool isProtected, string message, ICollection<Diagnostic> diagnostics)
        => diagnostics.Add(isProtected
            ? Diagnostic.Error(at.Location, EnvironmentDiagnosticCodes.UnpinnedVersion, $"protected environment: {message}")
            : Diagnostic.Warning(at.Location, EnvironmentDiagnosticCodes.FloatingVersion, message));

    /// <summary>An exact SemVer version (an optional leading 'v'), not a range such as ^1.2, ~1, 1.x, >=1 or *.</summary>
    public static bool IsPinned(string version)
    {
        string text = version.StartsWith('v') ? version[1..] : version;
        return SemanticVersion.TryParse(text, out _);
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
