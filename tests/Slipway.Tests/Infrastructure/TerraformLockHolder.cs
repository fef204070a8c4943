using System.Diagnostics;

namespace Slipway.Tests.Infrastructure;

/// <summary>
/// Another terraform run holding a workspace's state lock: an interactive <c>terraform apply</c> waiting at its confirmation
/// prompt (it holds the lock while it waits). Disposing answers nothing (closes its input), so it gives up and unlocks.
/// </summary>
public sealed class TerraformLockHolder : IDisposable
{
    private readonly Process _process;

    private TerraformLockHolder(Process process)
    {
        _process = process;
    }

    /// <summary>Starts the holder in <paramref name="workspace"/> of <paramref name="stack"/> and returns once it holds the lock.</summary>
    public static async Task<TerraformLockHolder> StartAsync(StackCopy stack, string workspace)
    {
        var start = new ProcessStartInfo("terraform")
        {
            WorkingDirectory = stack.Stack,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in (string[])["apply", "-no-color", "-var-file=" + Path.Combine(stack.Temp(workspace), "infra.tfvars.json")])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TF_WORKSPACE"] = workspace;
        start.Environment.Remove("TF_IN_AUTOMATION");
        start.Environment.Remove("TF_INPUT");
        var holder = new TerraformLockHolder(Process.Start(start)!);
        try
        {
            await holder.WaitForPromptAsync();
            return holder;
        }
        catch
        {
            holder.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(10_000))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task WaitForPromptAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var buffer = new char[4096];
        var seen = new System.Text.StringBuilder();
        while (!seen.ToString().Contains("Enter a value", StringComparison.Ordinal))
        {
            int read = await _process.StandardOutput.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new InvalidOperationException("terraform apply exited before asking for confirmation: " + seen + await _process.StandardError.ReadToEndAsync(timeout.Token));
            }

            seen.Append(buffer, 0, read);
        }
    }
}
