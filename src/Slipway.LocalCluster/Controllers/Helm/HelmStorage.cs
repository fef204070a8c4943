using System.Text;
using System.Text.Json.Nodes;
using Slipway.LocalCluster.Controllers.Runtime;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Controllers.Helm;

/// <summary>
/// Helm's release storage, as Helm keeps it: one Secret <c>sh.helm.release.v1.&lt;release&gt;.v&lt;N&gt;</c> of type
/// <c>helm.sh/release.v1</c> per revision in the release namespace, labelled <c>owner=helm</c>, <c>name</c>,
/// <c>status</c>, <c>version</c>. Real Helm stores a gzipped protobuf-ish JSON; here <c>data.release</c> is base64 JSON
/// of the chart, version and values, which is what a rollback needs.
/// </summary>
internal sealed class HelmStorage
{
    private readonly IResourceStore _store;
    private readonly ResourceType _secret;

    public HelmStorage(IResourceStore store, ResourceType secret)
    {
        _store = store;
        _secret = secret;
    }

    public static string SecretName(string release, long version) => $"sh.helm.release.v1.{release}.v{version}";

    public void Save(ChartRelease release, long version, string status)
    {
        var payload = new JsonObject
        {
            ["name"] = release.Name,
            ["namespace"] = release.Namespace,
            ["version"] = version,
            ["chart"] = release.Chart,
            ["chartVersion"] = release.ChartVersion,
            ["values"] = release.Values.DeepClone(),
        };
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["type"] = "helm.sh/release.v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = SecretName(release.Name, version),
                ["namespace"] = release.Namespace,
                ["labels"] = new JsonObject
                {
                    ["owner"] = "helm",
                    ["name"] = release.Name,
                    ["status"] = status,
                    ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            ["data"] = new JsonObject { ["release"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString())) },
        };
        JsonObject? existing = _store.Get(_secret, release.Namespace, SecretName(release.Name, version));
        if (existing is null)
        {
            _store.Create(_secret, release.Namespace, secret);
        }
        else
        {
            secret["metadata"]!["resourceVersion"] = existing.Str("metadata", "resourceVersion");
            _store.Update(_secret, release.Namespace, secret, statusOnly: false);
        }
    }

    /// <summary>The release stored for a revision, or null when Helm's storage no longer has it.</summary>
    public ChartRelease? Load(string release, string @namespace, long version)
    {
        JsonObject? secret = _store.Get(_secret, @namespace, SecretName(release, version));
        if (secret.Str("data", "release") is not string data)
        {
            return null;
        }

        JsonObject payload = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(data)))!.AsObject();
        return new ChartRelease(release, @namespace, payload.Str("chart") ?? string.Empty, payload.Str("chartVersion") ?? string.Empty, payload.Obj("values")?.DeepClone().AsObject() ?? []);
    }

    public void Delete(string release, string @namespace, long version)
    {
        try
        {
            _store.Delete(_secret, @namespace, SecretName(release, version));
        }
        catch (StoreException missing) when (missing.Code == 404)
        {
        }
    }

    /// <summary>Every revision stored for the release (after an uninstall: none).</summary>
    public IReadOnlyList<JsonObject> List(string release, string @namespace)
        => _store.List(_secret, @namespace).Where(s => s.Str("metadata", "labels", "owner") == "helm" && s.Str("metadata", "labels", "name") == release).ToList();
}
