namespace Slipway.Targets.Execution;

/// <summary>Finds the repository root as Nuke does: the nearest folder upwards that holds <c>.nuke/</c>.</summary>
internal static class RootDirectoryLocator
{
    public static AbsolutePath Locate(string? rootOption, string currentDirectory, IReadOnlyDictionary<string, string> environment)
    {
        if (rootOption is not null)
        {
            AbsolutePath root = AbsolutePath.Create(rootOption, currentDirectory);
            return Directory.Exists(root)
                ? root
                : throw new BuildException($"--root {rootOption}: the folder does not exist.", ExitCodes.BadInput);
        }

        for (string? directory = currentDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(Path.Combine(directory, ".nuke")))
            {
                return AbsolutePath.Create(directory);
            }
        }

        // build.sh says where it lives, so ./path/to/build.sh works from outside the repository too.
        if (environment.TryGetValue("SLIPWAY_SCRIPT_DIRECTORY", out string? scriptDirectory) && Directory.Exists(Path.Combine(scriptDirectory, ".nuke")))
        {
            return AbsolutePath.Create(scriptDirectory);
        }

        throw new BuildException($"Could not find the repository root: no folder from {currentDirectory} upwards holds .nuke/. Run ./build.sh inside the repository, or pass --root PATH.", ExitCodes.BadInput);
    }
}
