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
    /// </summary>
    private IResourceStore WriteTarget(HttpContext context, ResourceType type, string? @namespace, string? name)
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
