using System.Text;

namespace Slipway.Ci;

/// <summary>
/// The results the jobs of a fan-out recorded (a file per environment under <see cref="CiFiles.ResultsFolder"/> holding
/// the job's status), against the environments that were expected: one table, and whether every one succeeded.
/// </summary>
public sealed record FanOutSummary(IReadOnlyList<(string Environment, string Result)> Rows)
{
    public int Succeeded => Rows.Count(r => r.Result == "success");

    public bool AllSucceeded => Succeeded == Rows.Count;

    public static FanOutSummary Read(string resultsFolder, IReadOnlyList<string> expected)
    {
        var rows = new List<(string, string)>();
        foreach (string environment in expected)
        {
            string file = Path.Combine(resultsFolder, environment);
            string result = File.Exists(file) ? File.ReadAllText(file).Trim().ToLowerInvariant() : "no result";
            rows.Add((environment, result.Length == 0 ? "no result" : result));
        }

        return new FanOutSummary(rows);
    }

    public string ToMarkdown(string title)
    {
        var text = new StringBuilder().Append("### ").Append(title).Append(": ").Append(Succeeded).Append(" of ").Append(Rows.Count).Append(" succeeded\n\n")
            .Append("| Environment | Result |\n|---|---|\n");
        foreach ((string environment, string result) in Rows.OrderBy(r => r.Result == "success").ThenBy(r => r.Environment, StringComparer.Ordinal))
        {
            text.Append("| ").Append(environment).Append(" | ").Append(result == "success" ? "success" : $"**{result}**").Append(" |\n");
        }

        return text.ToString();
    }

    public IEnumerable<string> Failures() => Rows.Where(r => r.Result != "success").Select(r => $"{r.Environment}: {r.Result}");
}
