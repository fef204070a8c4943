using System.Xml;

namespace Slipway.BuildTools;

/// <summary>The totals of one or more test runs, read from the TRX files <c>dotnet test --logger trx</c> writes.</summary>
public sealed record TestRunSummary(int Passed, int Failed, int Skipped)
{
    public int Total => Passed + Failed + Skipped;

    /// <summary>The line CI reads: <c>tests: N passed, N failed, N skipped</c>.</summary>
    public override string ToString() => $"tests: {Passed} passed, {Failed} failed, {Skipped} skipped";

    public static TestRunSummary FromTrxFiles(IEnumerable<string> paths)
    {
        var summary = new TestRunSummary(0, 0, 0);
        foreach (string path in paths)
        {
            summary += FromTrx(path);
        }

        return summary;
    }

    public static TestRunSummary FromTrx(string path)
    {
        var document = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            document.Load(reader);
        }

        XmlElement counters = document.GetElementsByTagName("Counters").OfType<XmlElement>().FirstOrDefault()
            ?? throw new SlipwayException(FailureKind.Failed, $"{path}: no <Counters> element; the test run did not finish.");
        int Read(string name) => int.TryParse(counters.GetAttribute(name), out int value) ? value : 0;
        int failed = Read("failed") + Read("error") + Read("timeout") + Read("aborted");
        return new TestRunSummary(Read("passed"), failed, Read("notExecuted"));
    }

    public static TestRunSummary operator +(TestRunSummary left, TestRunSummary right)
        => new(left.Passed + right.Passed, left.Failed + right.Failed, left.Skipped + right.Skipped);
}
