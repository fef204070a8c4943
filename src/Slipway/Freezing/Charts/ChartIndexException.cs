namespace Slipway.Freezing.Charts;

/// <summary>A chart repository index that is not valid: the message names the file and line (<c>path:line: what</c>).</summary>
public sealed class ChartIndexException : Exception
{
    public ChartIndexException(string file, long line, string problem, Exception? inner = null)
        : base($"{file}:{line}: {problem}", inner)
    {
    }
}
