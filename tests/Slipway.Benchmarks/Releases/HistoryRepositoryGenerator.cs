using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Slipway.Benchmarks.Releases;

/// <summary>
/// A bare GitOps repository of N commits, one in five of which sets a new tag in
/// clusters/production/apps/web/helm-release.yaml (the others change staging and notes), written through
/// <c>git fast-import</c> in a few seconds and cached under /tmp.
/// </summary>
internal static class HistoryRepositoryGenerator
{
    public const string WebPath = "clusters/production/apps/web/helm-release.yaml";

    public static string Tag(int change) => $"production-{40000 + change}";

    public static async Task<string> EnsureAsync(string directory, int commits, int changes)
    {
        string bare = Path.Combine(directory, $"gitops-{commits}-{changes}.git");
        if (File.Exists(Path.Combine(bare, "slipway-generated")))
        {
            return bare;
        }

        if (Directory.Exists(bare))
        {
            Directory.Delete(bare, recursive: true);
        }

        Directory.CreateDirectory(bare);
        await RunGitAsync(bare, null, "init", "-q", "--bare", "-b", "main");
        var stream = new StringBuilder();
        int every = commits / changes;
        long time = 1_700_000_000;
        int change = 0;
        for (int i = 1; i <= commits; i++)
        {
            string path;
            string text;
            if (i % every == 1 || every == 1)
            {
                change++;
                path = WebPath;
                text = HelmRelease("production", Tag(change));
            }
            else if (i % 2 == 0)
            {
                path = "clusters/staging/apps/web/helm-release.yaml";
                text = HelmRelease("staging", $"staging-{i}");
            }
            else
            {
                path = $"notes/note-{i % 50}.txt";
                text = $"note {i}\n";
            }

            string message = $"deploy: {path} {i}\n";
            stream.Append("commit refs/heads/main\n");
            stream.Append(CultureInfo.InvariantCulture, $"author Bench <bench@localhost> {time + i} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"committer Bench <bench@localhost> {time + i} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}");
            stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline {path}\ndata {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
        }

        await RunGitAsync(bare, stream.ToString(), "fast-import", "--quiet");
        await File.WriteAllTextAsync(Path.Combine(bare, "slipway-generated"), $"{commits} commits, {change} changes of {WebPath}\n");
        return bare;
    }

    private static string HelmRelease(string environment, string tag) => $"""
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: web
          namespace: web
        spec:
          interval: 1m
          chart:
            spec:
              chart: ./charts/web
              sourceRef:
                kind: GitRepository
                name: slipway-gitops
                namespace: flux-system
          values:
            image:
              repository: registry.local/web
              tag: {tag}
            replicaCount: 2
        # {environment}

        """;

    public static async Task<string> RunGitAsync(string directory, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited {process.ExitCode}");
    }
}
