using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Slipway.LocalCluster.Store;

namespace Slipway.LocalCluster.Api;

internal sealed partial class ResourceApi
{
    /// <summary>
    /// Where a write goes: the store, or with <c>?dryRun=All</c> (<c>kubectl apply --dry-run=server</c>, <c>kubectl diff</c>) a
    /// scratch store holding only the current object, so the answer is what the write would have produced and nothing is kept.
    /// Either way the write is recorded in managedFields under the request's field manager.
    /// </summary>
    private IResourceStore WriteTarget(HttpContext context, ResourceType type, string? @namespace, string? name)
        => Target(context, type, @namespace, name).AsFieldManager(FieldManager(context.Request));

    /// <summary>
    /// The request's <c>fieldManager</c>, or as the real server names an unnamed writer, its User-Agent up to the first <c>/</c>
    /// (<c>kubectl-client-side-apply</c>, <c>kubectl-create</c>, <c>kubectl-edit</c>).
    /// </summary>
    private static string FieldManager(HttpRequest request)
    {
        string manager = request.Query["fieldManager"].ToString();
        if (manager.Length == 0)
        {
            manager = new string([.. request.Headers.UserAgent.ToString().Split('/')[0].Where(c => !char.IsControl(c)).Take(128)]);
        }

        return manager.Length == 0 ? FieldManagers.Unnamed : manager;
    }

    private IResourceStore Target(HttpContext context, ResourceType type, string? @namespace, string? name)
    {
        string method = context.Request.Method;
        string optionsKind = HttpMethods.IsPost(method) ? "CreateOptions" : HttpMethods.IsPut(method) ? "UpdateOptions" : HttpMethods.IsPatch(method) ? "PatchOptions" : "DeleteOptions";
        if (!QueryOptions.DryRun(context.Request, optionsKind))
        {
            return _store;
        }

        StoredObject? current = name is null ? null : _store.GetStored(type, @namespace, name);
        var state = new StringBuilder();
        state.Append("{\"resourceVersion\":").Append(_store.CurrentResourceVersion.ToString(CultureInfo.InvariantCulture)).Append(",\"objects\":[");
        if (current is not null)
        {
            state.Append(Encoding.UTF8.GetString(current.Json));
        }

        state.Append("]}");
        return InMemoryResourceStore.ImportState(Encoding.UTF8.GetBytes(state.ToString()), _store.Types, TimeProvider.System, 16);
    }
}
