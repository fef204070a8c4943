using Slipway.GitOps.Git;
using Slipway.Releases;

namespace Slipway.Delivery;

/// <summary>What EmergencyStop did: the stop that stands, and whether this run set it (or found it standing: nothing changed).</summary>
/// <param name="Stop">The stop recorded (by this run, or the one already standing).</param>
/// <param name="AlreadyStopped">True when a stop already stood: nothing was suspended, scaled or committed.</param>
/// <param name="Push">The commit that recorded it; null when already stopped.</param>
public sealed record StopOutcome(Stop Stop, bool AlreadyStopped, PushResult? Push)
{
    /// <summary>What the stop did, for the console.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        if (Stop.Suspended.Count > 0)
        {
            lines.Add($"Suspended: {string.Join(", ", Stop.Suspended.Select(s => s.Kind == "Application" ? $"{s} (automated sync off)" : s.ToString()))}");
        }
        else
        {
            lines.Add("Suspended: nothing (no Flux Kustomization, HelmRelease or Argo CD Application of the environment on the cluster yet)");
        }

        if (Stop.ScaledDown.Count > 0)
        {
            lines.Add($"Scaled to 0: {string.Join(", ", Stop.ScaledDown)}");
        }

        return lines;
    }
}
