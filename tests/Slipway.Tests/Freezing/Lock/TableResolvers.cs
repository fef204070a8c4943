using System.Security.Cryptography;
using System.Text;
using Slipway.Freezing;

namespace Slipway.Tests.Freezing.Lock;

/// <summary>
/// Hand-written resolvers answering from a table, for the lock's own tests while the HTTP resolvers (branch h/resolve)
/// are not merged: a chart's range resolves to the version the table names, an image tag to a digest of its name and
/// tag (or of what <see cref="Retag"/> set), an unknown entry to the failure a resolver reports.
/// </summary>
internal sealed class TableResolvers : IChartResolver, IImageResolver
{
    private readonly Dictionary<string, string> _charts = new(StringComparer.Ordinal) { ["ingress-nginx"] = "4.11.3", ["kube-prometheus-stack"] = "65.1.1" };
    private readonly Dictionary<string, string> _images = new(StringComparer.Ordinal);

    public string? Unreachable { get; set; }

    public int Calls { get; private set; }

    public FreezeResolvers Resolvers => new(this, this);

    public void SetChart(string name, string version) => _charts[name] = version;

    /// <summary>The tag now points at other content: its digest changes.</summary>
    public void Retag(string image, string tag, string content) => _images[$"{image}:{tag}"] = content;

    public Task<ResolvedChart> ResolveAsync(ChartRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        ThrowIfUnreachable(request.Repository);
        string version = _charts.TryGetValue(request.Name, out string? found) ? found : throw SlipwayException.Input($"{request.Name}: no version satisfies {request.Range}");
        return Task.FromResult(new ResolvedChart(request.Name, request.Repository, request.Range, version, request.Repository.TrimEnd('/') + "/index.yaml"));
    }

    public Task<ResolvedImage> ResolveAsync(ImageRequest request, CancellationToken cancellationToken)
    {
        Calls++;
        ThrowIfUnreachable(request.Image);
        string content = _images.TryGetValue($"{request.Image}:{request.Tag}", out string? c) ? c : $"{request.Image}:{request.Tag}";
        string digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        return Task.FromResult(new ResolvedImage(request.Image, request.Tag, digest, $"https://{request.Image.Split('/')[0]}/v2/"));
    }

    private void ThrowIfUnreachable(string upstream)
    {
        if (Unreachable is not null && upstream.StartsWith(Unreachable, StringComparison.Ordinal))
        {
            throw SlipwayException.Failed($"{Unreachable} is unreachable (connection refused)");
        }
    }
}
