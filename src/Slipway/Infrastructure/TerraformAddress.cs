using System.Globalization;
using System.Text;

namespace Slipway.Infrastructure;

/// <summary>
/// Orders resource instance addresses the way terraform's <c>AbsResourceInstance.Less</c> does (and so the way
/// <c>show -json</c> lists <c>resource_changes</c>): shorter module paths first, then each module step by name and
/// instance key; then data before managed, type, name, key. Keys: none, then numbers (numerically), then strings (by
/// their UTF-8 bytes, after undoing terraform's HCL quoting).
/// </summary>
internal sealed class TerraformAddress : IComparer<string>
{
    public static readonly TerraformAddress Comparer = new();

    private TerraformAddress()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        List<Step> a = Parse(x);
        List<Step> b = Parse(y);

        // The last three steps are the resource: mode, type and name with its key; the rest is the module path.
        int modulesA = a.Count - 3;
        int modulesB = b.Count - 3;
        if (modulesA != modulesB)
        {
            return modulesA.CompareTo(modulesB);
        }

        for (int i = 0; i < a.Count; i++)
        {
            int order = a[i].CompareTo(b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>True for <c>data.TYPE.NAME</c> (in any module).</summary>
    public static bool IsData(string address)
    {
        List<Step> steps = Parse(address);
        return steps.Count >= 3 && steps[^3].Name == "data";
    }

    private static List<Step> Parse(string address)
    {
        var steps = new List<Step>();
        int i = 0;
        while (i < address.Length)
        {
            int start = i;
            while (i < address.Length && address[i] is not ('.' or '['))
            {
                i++;
            }

            string name = address[start..i];
            Key key = Key.None;
            if (i < address.Length && address[i] == '[')
            {
                key = ReadKey(address, ref i);
            }

            steps.Add(new Step(name, key));
            if (i < address.Length && address[i] == '.')
            {
                i++;
            }
        }

        // module.NAME pairs become one step each; the resource becomes (mode, type, name+key).
        var result = new List<Step>();
        int index = 0;
        while (index < steps.Count && steps[index].Name == "module" && index + 1 < steps.Count)
        {
            result.Add(steps[index + 1]);
            index += 2;
        }

        bool data = index < steps.Count && steps[index].Name == "data" && steps.Count - index == 3;
        result.Add(new Step(data ? "data" : "managed", Key.None));
        if (data)
        {
            index++;
        }

        for (; index < steps.Count; index++)
        {
            result.Add(steps[index]);
        }

        while (result.Count < 3)
        {
            result.Add(new Step(string.Empty, Key.None));
        }

        return result;
    }

    private static Key ReadKey(string address, ref int i)
    {
        i++; // [
        if (i < address.Length && address[i] == '"')
        {
            i++;
            var text = new StringBuilder();
            while (i < address.Length && address[i] != '"')
            {
                char c = address[i];
                if (c == '\\' && i + 1 < address.Length)
                {
                    i += Unescape(address, i, text);
                    continue;
                }

                if (c is '$' or '%' && i + 2 < address.Length && address[i + 1] == c && address[i + 2] == '{')
                {
                    i++; // "$${" is HCL's escape of "${"
                }

                text.Append(c);
                i++;
            }

            i += 2; // "]
            return new Key(KeyKind.Text, 0, Encoding.UTF8.GetBytes(text.ToString()));
        }

        int start = i;
        while (i < address.Length && address[i] != ']')
        {
            i++;
        }

        long number = long.Parse(address.AsSpan(start, i - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        i++;
        return new Key(KeyKind.Number, number, []);
    }

    private static int Unescape(string address, int i, StringBuilder text)
    {
        char next = address[i + 1];
        switch (next)
        {
            case 'n': text.Append('\n'); return 2;
            case 'r': text.Append('\r'); return 2;
            case 't': text.Append('\t'); return 2;
            case 'u' when i + 6 <= address.Length:
                text.Append((char)int.Parse(address.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                return 6;
            case 'U' when i + 10 <= address.Length:
                text.Append(char.ConvertFromUtf32(int.Parse(address.AsSpan(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                return 10;
            default: text.Append(next); return 2;
        }
    }

    private enum KeyKind
    {
        None,
        Number,
        Text,
    }

    private readonly record struct Key(KeyKind Kind, long Number, byte[] Text)
    {
        public static readonly Key None = new(KeyKind.None, 0, []);

        public int CompareTo(Key other)
        {
            if (Kind != other.Kind)
            {
                return Kind.CompareTo(other.Kind);
            }

            return Kind switch
            {
                KeyKind.Number => Number.CompareTo(other.Number),
                KeyKind.Text => Text.AsSpan().SequenceCompareTo(other.Text),
                _ => 0,
            };
        }
    }

    private readonly record struct Step(string Name, Key Key)
    {
        public int CompareTo(Step other)
        {
            int order = Encoding.UTF8.GetBytes(Name).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(other.Name));
            return order != 0 ? order : Key.CompareTo(other.Key);
        }
    }
}
