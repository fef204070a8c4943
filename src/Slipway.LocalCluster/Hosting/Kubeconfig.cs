using System.Text;
using System.Text.Json.Nodes;
using Slipway.IO;
using Slipway.LocalCluster.Yaml;
using YamlDotNet.Core;

namespace Slipway.LocalCluster.Hosting;

/// <summary>
/// The kubeconfig of the local clusters: one file, one cluster, context and user per cluster, all with the cluster's
/// context name (<c>slipway-&lt;environment&gt;</c>, as kind names them <c>kind-&lt;name&gt;</c>). Each starting cluster
/// merges its own entry under <see cref="KubeconfigLock"/>, so concurrent starts never lose each other's context; the
/// current context becomes the one written last (as <c>kind create cluster</c> does). The server checks no credentials;
/// the user carries a placeholder token only because KubernetesClient refuses a kubeconfig user without any
/// ("does not have appropriate auth credentials"). kubectl sends it and the server ignores it.
/// </summary>
public static class Kubeconfig
{
    public const string FileName = "kubeconfig";

    public const string DefaultContextName = "slipway-local";

    private const string CurrentContextKey = "current-context:";

    /// <summary>A kubeconfig with the one context <see cref="DefaultContextName"/>.</summary>
    public static string Render(Uri server) => Render(new SortedDictionary<string, string>(StringComparer.Ordinal) { [DefaultContextName] = Server(server) }, DefaultContextName);

    /// <summary>A kubeconfig with one cluster, context and user per entry of <paramref name="servers"/> (context → server URL).</summary>
    public static string Render(IReadOnlyDictionary<string, string> servers, string currentContext)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
        foreach ((string name, string server) in servers)
        {
            text.Append($"- name: {name}\n  cluster:\n    server: {server}\n");
        }

        text.Append("contexts:\n");
        foreach (string name in servers.Keys)
        {
            text.Append($"- name: {name}\n  context:\n    cluster: {name}\n    user: {name}\n    namespace: default\n");
        }

        text.Append($"current-context: {currentContext}\nusers:\n");
        foreach (string name in servers.Keys)
        {
            text.Append($"- name: {name}\n  user:\n    token: local-cluster-no-auth\n");
        }

        return text.Append("preferences: {}\n").ToString();
    }

    /// <summary>
    /// Writes (or replaces) the entry <paramref name="context"/> → <paramref name="server"/> in the kubeconfig at
    /// <paramref name="path"/>, keeping the other clusters' entries; under <c>&lt;path&gt;.lock</c>, atomically.
    /// </summary>
    public static async Task<string> WriteAsync(string path, string context, Uri server, CancellationToken cancellationToken)
    {
        using FileLock held = await KubeconfigLock.AcquireAsync(path, cancellationToken).ConfigureAwait(false);
        string? existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
        SortedDictionary<string, string> servers = existing is null ? new(StringComparer.Ordinal) : ReadServers(existing);
        servers[context] = Server(server);
        string contents = Render(servers, context);
        if (existing != contents)
        {
            await AtomicFile.WriteAllTextAsync(path, contents, cancellationToken).ConfigureAwait(false);
        }

        return path;
    }

    /// <summary>
    /// Takes the entry <paramref name="context"/> out of the kubeconfig at <paramref name="path"/>, keeping the others (and the
    /// current context when it is another); deletes the file when no entry is left. False when there was no such entry.
    /// </summary>
    public static async Task<bool> RemoveAsync(string path, string context, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using FileLock held = await KubeconfigLock.AcquireAsync(path, cancellationToken).ConfigureAwait(false);
        string existing = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        SortedDictionary<string, string> servers = ReadServers(existing);
        if (!servers.Remove(context))
        {
            return false;
        }

        if (servers.Count == 0)
        {
            File.Delete(path);
            return true;
        }

        string? current = existing.Split('\n').FirstOrDefault(static line => line.StartsWith(CurrentContextKey, StringComparison.Ordinal))?[CurrentContextKey.Length..].Trim();
        await AtomicFile.WriteAllTextAsync(path, Render(servers, current is not null && servers.ContainsKey(current) ? current : servers.Keys.First()), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The clusters of an existing kubeconfig (name → server). One that is not a kubeconfig any more (edited by hand into
    /// something else) is rewritten with this cluster's entry only: it is a generated file under <c>.nuke/temp</c>.
    /// </summary>
    internal static SortedDictionary<string, string> ReadServers(string text)
    {
        if (ReadRendered(text) is SortedDictionary<string, string> rendered)
        {
            return rendered;
        }

        var servers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (YamlJson.ParseAll(text).FirstOrDefault().Node is JsonObject root && root["clusters"] is JsonArray clusters)
            {
                foreach (JsonNode? entry in clusters)
                {
                    if (entry?["name"] is JsonValue name && name.TryGetValue(out string? n) && entry["cluster"]?["server"] is JsonValue url && url.TryGetValue(out string? u))
                    {
                        servers[n] = u;
                    }
                }
            }
        }
        catch (YamlException)
        {
            servers.Clear();
        }

        return servers;
    }

    /// <summary>
    /// The clusters of a kubeconfig exactly as <see cref="Render(IReadOnlyDictionary{string, string}, string)"/> writes it,
    /// read line by line (a start pays no YAML parser); null for anything else (kubectl rewrote it, or it was edited).
    /// </summary>
    private static SortedDictionary<string, string>? ReadRendered(string text)
    {
        string[] lines = text.Split('\n');
        if (lines.Length < 4 || lines[0] != "apiVersion: v1" || lines[1] != "kind: Config" || lines[2] != "clusters:")
        {
            return null;
        }

        var servers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int i = 3;
        for (; i + 2 < lines.Length && lines[i].StartsWith("- name: ", StringComparison.Ordinal); i += 3)
        {
            if (lines[i + 1] != "  cluster:" || !lines[i + 2].StartsWith("    server: ", StringComparison.Ordinal))
            {
                return null;
            }

            servers[lines[i]["- name: ".Length..]] = lines[i + 2]["    server: ".Length..];
        }

        return i < lines.Length && lines[i] == "contexts:" ? servers : null;
    }

    private static string Server(Uri server) => server.GetLeftPart(UriPartial.Authority);
}
