using System.Net;

namespace Slipway.Rollback;

/// <summary>
/// Before a rollback writes its commit: every image:tag it sets back must still be in the registry the cluster pulls from
/// (the local cluster serves its image catalogue at <c>/v2/</c>, the OCI distribution API). A missing one is bad input
/// (exit 2) naming it, how to publish it and how to choose another release, and nothing is written.
/// </summary>
public static class RollbackImageCheck
{
    /// <summary>
    /// Asks <paramref name="registry"/> (<c>HEAD /v2/&lt;repository&gt;/manifests/&lt;tag&gt;</c>) for each target image; the images
    /// it does not have refuse the rollback. A registry that does not answer leaves the question to Verify (a warning, not a claim).
    /// </summary>
    public static async Task EnsurePublishedAsync(Uri registry, RollbackPlan plan, HttpClient http, ILog log, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach ((string image, string tag) in plan.Apps.Where(static a => a.ToImage != "?").Select(static a => (a.ToImage, a.ToTag)).Distinct())
        {
            var request = new HttpRequestMessage(HttpMethod.Head, new Uri(registry, $"v2/{image.Trim('/')}/manifests/{Uri.EscapeDataString(tag)}"));
            request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
            try
            {
                using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    missing.Add($"{image}:{tag}");
                }
                else if (!response.IsSuccessStatusCode)
                {
                    log.Warning($"The registry at {registry} answered {(int)response.StatusCode} for {image}:{tag}: not checked; Verify finds out whether it runs.");
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                log.Warning($"The registry at {registry} did not answer for {image}:{tag} ({error.Message}): not checked; Verify finds out whether it runs.");
            }
        }

        if (missing.Count > 0)
        {
            string first = missing[0];
            int colon = first.LastIndexOf(':');
            throw SlipwayException.Input(
                $"Rollback of {plan.Environment}: {(missing.Count == 1 ? "the image" : "the images")} {string.Join(", ", missing)} "
                + $"{(missing.Count == 1 ? "is" : "are")} no longer in the registry the cluster pulls from ({registry}v2/); nothing was written. "
                + $"Publish it again: ./build.sh PublishImage --image {first[..colon]} --tag {first[(colon + 1)..]}, "
                + $"or choose another release: ./build.sh History --env {plan.Environment}, then Rollback --release ID or --tag TAG.");
        }
    }
}
