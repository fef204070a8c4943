using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>
/// Orders the layers of an environment for merging: each parent's own order, parents in the order listed (a layer
/// reached twice, as <c>base</c> through both <c>site</c> and <c>ha</c>, is applied once, at its first place), then
/// the environment itself. Unknown parents and cycles become diagnostics; the cycle is named (<c>a -> b -> a</c>).
/// </summary>
internal static class LayerLinearizer
{
    public static IReadOnlyList<string> Linearize(string name, IReadOnlyDictionary<string, EnvironmentLayer> layers, ICollection<Diagnostic> diagnostics)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();
        Visit(name, layers, order, seen, stack, diagnostics);
        return order;
    }

    private static void Visit(string name, IReadOnlyDictionary<string, EnvironmentLayer> layers, List<string> order, HashSet<string> seen,
        List<string> stack, ICollection<Diagnostic> diagnostics)
    {
        stack.Add(name);
        foreach (LayerReference parent in layers[name].Extends)
        {
            if (!layers.ContainsKey(parent.Name))
            {
                Add(diagnostics, Diagnostic.Error(parent.Location, EnvironmentDiagnosticCodes.UnknownParent,
                    $"extends unknown environment '{parent.Name}'{NameSuggester.Hint(parent.Name, layers.Keys)}: create environments/{parent.Name}/env.yaml or fix the name"));
                continue;
            }

            int cycleStart = stack.IndexOf(parent.Name);
            if (cycleStart >= 0)
            {
                string cycle = string.Join(" -> ", stack.Skip(cycleStart).Append(parent.Name));
                Add(diagnostics, Diagnostic.Error(parent.Location, EnvironmentDiagnosticCodes.CyclicExtends,
                    $"cyclic extends: {cycle}: remove '{parent.Name}' from the extends of '{name}' or of another layer in the cycle"));
                continue;
            }

            if (!seen.Contains(parent.Name))
            {
                Visit(parent.Name, layers, order, seen, stack, diagnostics);
            }
        }

        stack.RemoveAt(stack.Count - 1);
        if (seen.Add(name))
        {
            order.Add(name);
        }
    }

    private static void Add(ICollection<Diagnostic> diagnostics, Diagnostic diagnostic)
    {
        if (!diagnostics.Contains(diagnostic))
        {
            diagnostics.Add(diagnostic);
        }
    }
}
