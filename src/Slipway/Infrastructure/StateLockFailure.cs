using System.Text.Json;

namespace Slipway.Infrastructure;

/// <summary>
/// A held state lock: who holds it and the exact <c>force-unlock</c> command (stack folder, workspace, lock ID). The ID comes
/// from terraform's "Lock Info" block or, when terraform could not read it, from the local backend's lock info file; with
/// no ID at all it says how to find the process holding the state file instead of suggesting <c>force-unlock (unknown)</c>.
/// </summary>
internal static class StateLockFailure
{
    public static SlipwayException From(InfraOptions options, string output)
    {
        string stack = options.StackPath;
        string workspace = options.EffectiveWorkspace;
        string stateFile = StateFile(workspace);
        JsonElement? lockFile = ReadLocalLockInfo(options);
        string? Value(string name) => TerraformText.Field(output, name) ?? (lockFile is { } info && info.TryGetProperty(name, out JsonElement value) ? value.ToString() : null);

        string nl = Environment.NewLine;
        string? id = Value("ID");
        if (id is null)
        {
            string reason = TerraformText.Field(output, "Error message") ?? "no reason given";
            return SlipwayException.Refused(
                $"The state of workspace '{workspace}' ({stack}) is locked, but {options.Tool} could not say by whom ({reason}; no lock ID in its output or in the lock info file).{nl}" +
                $"With the local backend a running process holds {stack}/{stateFile}: find it with `fuser -v {stack}/{stateFile}` (or `lsof {stack}/{stateFile}`) and let it finish or stop it; " +
                $"force-unlock cannot release a lock a live process holds.{nl}" +
                $"With a remote backend, read the lock ID in the backend and release it with:{nl}" +
                $"  {ForceUnlockCommand(options, "<lock ID>")}");
        }

        return SlipwayException.Refused(
            $"The state of workspace '{workspace}' ({stack}) is locked by another {options.Tool} run.{nl}" +
            $"  Lock ID:   {id}{nl}" +
            $"  Held by:   {Value("Who") ?? "(not recorded)"}{nl}" +
            $"  Operation: {Value("Operation") ?? "(not recorded)"}{nl}" +
            $"  Since:     {Value("Created") ?? "(not recorded)"}{nl}" +
            $"Wait for that run to finish and try again. Only if it is gone for good, release the lock with:{nl}" +
            $"  {ForceUnlockCommand(options, id)}");
    }

    /// <summary>The command that releases a lock: <c>cd &lt;stack&gt; &amp;&amp; TF_WORKSPACE=&lt;ws&gt; terraform force-unlock &lt;id&gt;</c>.</summary>
    public static string ForceUnlockCommand(InfraOptions options, string id)
        => $"cd {options.StackPath} && TF_WORKSPACE={options.EffectiveWorkspace} {options.Tool} force-unlock {id}";

    /// <summary>The ID in the local backend's lock info file (left behind by a terraform that was killed), or null.</summary>
    public static string? LocalLockId(InfraOptions options)
        => ReadLocalLockInfo(options) is { } info && info.TryGetProperty("ID", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static string StateFile(string workspace) => workspace == "default" ? "terraform.tfstate" : $"terraform.tfstate.d/{workspace}/terraform.tfstate";

    private static JsonElement? ReadLocalLockInfo(InfraOptions options)
        => ReadLocalLockInfo(Path.Combine(options.StackDirectory, Path.GetDirectoryName(StateFile(options.EffectiveWorkspace)) ?? string.Empty, ".terraform.tfstate.lock.info"));

    private static JsonElement? ReadLocalLockInfo(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }
}
