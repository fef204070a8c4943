namespace Slipway.Infrastructure;

/// <summary>Cuts the top-level blocks out of HCL text by counting braces (outside strings and comments).</summary>
internal static class HclBlocks
{
    public static IEnumerable<string> TopLevel(string text, Func<string, bool> headerMatches)
    {
        int depth = 0;
        int blockStart = 0;
        int lineStart = 0;
        bool inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                int end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end - 1;
                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '\n':
                    lineStart = i + 1;
                    break;
                case '{':
                    if (depth++ == 0)
                    {
                        blockStart = lineStart;
                    }

                    break;
                case '}' when depth > 0:
                    if (--depth == 0)
                    {
                        string block = text[blockStart..(i + 1)];
                        if (headerMatches(block.TrimStart()))
                        {
                            yield return block;
                        }
                    }

                    break;
            }
        }
    }
}
