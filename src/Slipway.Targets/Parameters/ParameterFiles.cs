namespace Slipway.Targets.Parameters;

/// <summary>Finds the parameter files of a run: <c>.nuke/parameters.json</c> when present, then one per <c>--profile</c>.</summary>
internal static class ParameterFiles
{
    public static List<ParameterFile> Load(string nukeDirectory, IEnumerable<string> profiles, List<string> problems)
    {
        var files = new List<ParameterFile>();
        string defaultFile = Path.Combine(nukeDirectory, "parameters.json");
        if (File.Exists(defaultFile))
        {
            files.Add(ParameterFile.Load(defaultFile, ".nuke/parameters.json"));
        }

        foreach (string profile in profiles)
        {
            string path = Path.Combine(nukeDirectory, $"parameters.{profile}.json");
            if (File.Exists(path))
            {
                files.Add(ParameterFile.Load(path, $".nuke/parameters.{profile}.json"));
            }
            else
            {
                problems.Add($"--profile {profile}: .nuke/parameters.{profile}.json does not exist; create it (a JSON object of parameter names and values) or leave out --profile {profile}.");
            }
        }

        return files;
    }
}
