using System.Text;

namespace Slipway.Ci;

/// <summary>A unified diff (<c>--- a/file</c>, <c>+++ b/file</c>, <c>@@ -l,n +l,n @@</c> hunks with three lines of context) of two texts.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff from <paramref name="before"/> (null: no file) to <paramref name="after"/> (null: no file); empty when equal.</summary>
    public static string Of(string path, string? before, string? after)
    {
        if (before == after)
        {
            return string.Empty;
        }

        string[] a = Lines(before);
        string[] b = Lines(after);
        List<(char Op, string Line, int A, int B)> edits = Edits(a, b);
        var text = new StringBuilder()
            .Append("--- ").Append(before is null ? "/dev/null" : "a/" + path).Append('\n')
            .Append("+++ ").Append(after is null ? "/dev/null" : "b/" + path).Append('\n');
        int i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Op == ' ')
            {
                i++;
                continue;
            }

            int start = Math.Max(0, i - Context);
            int last = i;
            for (int k = i + 1; k < edits.Count && k - last <= 2 * Context; k++)
            {
                if (edits[k].Op != ' ')
                {
                    last = k;
                }
            }

            int end = Math.Min(edits.Count, last + 1 + Context);
            AppendHunk(text, edits, start, end);
            i = end;
        }

        return text.ToString();
    }

    private static void AppendHunk(StringBuilder text, List<(char Op, string Line, int A, int B)> edits, int start, int end)
    {
        var hunk = edits.GetRange(start, end - start);
        int aCount = hunk.Count(e => e.Op != '+');
        int bCount = hunk.Count(e => e.Op != '-');
        int aStart = aCount == 0 ? hunk[0].A : hunk.First(e => e.Op != '+').A + 1;
        int bStart = bCount == 0 ? hunk[0].B : hunk.First(e => e.Op != '-').B + 1;
        text.Append($"@@ -{aStart},{aCount} +{bStart},{bCount} @@\n");
        foreach ((char op, string line, _, _) in hunk)
        {
            text.Append(op).Append(line).Append('\n');
        }
    }

    private static string[] Lines(string? text)
        => string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    /// <summary>The shortest edit script by longest common subsequence (files of a few hundred lines).</summary>
    private static List<(char Op, string Line, int A, int B)> Edits(string[] a, string[] b)
    {
        int[,] lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, string, int, int)>(a.Length + b.Length);
        int x = 0;
        int y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x], x++, y++));
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                edits.Add(('-', a[x], x++, y));
            }
            else
            {
                edits.Add(('+', b[y], x, y++));
            }
        }

        return edits;
    }
}
