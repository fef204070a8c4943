using System.Security.Cryptography;
using System.Text;
using Slipway.IO;

namespace Slipway.Infrastructure;

/// <summary>
/// Runs <c>init</c> only when needed: when the stack was never initialised by Slipway, or when what init
/// depends on changed since — the dependency lock file, or a <c>terraform { }</c> (backend, required
/// providers) or <c>module</c> block, or the environment's backend (<see cref="StackBackend"/>). The fingerprint lives in
/// the data folder (<c>.terraform/</c>), so deleting that folder forces init again.
/// </summary>
internal static class StackInitializer
{
    private const string FingerprintFile = "slipway-init.sha256";

    public static async Task EnsureInitializedAsync(TerraformCli cli, CancellationToken cancellationToken)
    {
        InfraOptions options = cli.Options;
        await StackBackend.PrepareAsync(options, cancellationToken).ConfigureAwait(false);
        string fingerprintPath = Path.Combine(options.StackDirectory, options.DataDirectory, FingerprintFile);
        string fingerprint = await ComputeFingerprintAsync(options, cancellationToken).ConfigureAwait(false);
        if (File.Exists(fingerprintPath)
            && string.Equals((await File.ReadAllTextAsync(fingerprintPath, cancellationToken).ConfigureAwait(false)).Trim(), fingerprint, StringComparison.Ordinal))
        {
            options.Log.Debug($"{options.Tool} init skipped: lock file and backend configuration unchanged.");
            return;
        }

        options.Log.Info($"{options.Tool} init ({options.StackPath})");
        string? secretFile = await StackBackend.WriteSecretFileAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            await cli.RunAsync(new TerraformCall(["init", "-input=false", .. StackBackend.Arguments(options, secretFile)]) { InWorkspace = false }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (secretFile is not null)
            {
                File.Delete(secretFile);
            }
        }

        await AtomicFile.WriteAllTextAsync(fingerprintPath, fingerprint, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<string> ComputeFingerprintAsync(InfraOptions options, CancellationToken cancellationToken)
    {
        var text = new StringBuilder().Append(options.Tool).Append('\n').Append(StackBackend.Fingerprint(options));
        string lockFile = Path.Combine(options.StackDirectory, ".terraform.lock.hcl");
        if (File.Exists(lockFile))
        {
            text.Append(await File.ReadAllTextAsync(lockFile, cancellationToken).ConfigureAwait(false));
        }

        foreach (string file in Directory.GetFiles(options.StackDirectory, "*.tf").Order(StringComparer.Ordinal))
        {
            string content = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            foreach (string block in HclBlocks.TopLevel(content, static header => header.StartsWith("terraform", StringComparison.Ordinal) || header.StartsWith("module", StringComparison.Ordinal)))
            {
                text.Append(Path.GetFileName(file)).Append('\n').Append(block).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
