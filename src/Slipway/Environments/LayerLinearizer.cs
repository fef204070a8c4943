using Slipway.Environments.Yaml;

namespace Slipway.Environments;

/// <summary>
/// Orders the layers of an environment for merging by C3 linearization, stated in application order: every layer
/// comes after its parents, and the parents of each <c>extends</c> list keep the list's order (later parents win), in
/// every list at once; a layer reached twice (<c>base</c> through both <c>site</c> and <c>ha</c>) is applied once.
/// Unknown parents, cycles and an <c>extends</c> list that no order can keep (<c>extends: [dev, singlenode]</c> while
/// <c>dev</c> extends <c>singlenode</c>) become diagnostics naming the file and line; the layers are then applied in
/// depth-first order so the rest can still be checked.
/// </summary>
internal static class LayerLinearizer
{
    public static IReadOnlyList<string> Linearize(string name, IReadOnlyDictionary<string, EnvironmentLayer> layers, ICollection<Diagnostic> diagnostics)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int before = diagnostics.Count;
        Visit(name, layers, order, seen, [], diagnostics);
        if (diagnostics.Count > before || IsChain(order, layers))
        {
            // With at most one parent per layer, depth first already is the one order (and most environments are chains).
            return order;
        }

        // Precedence lists (the layer first, then what it overrides), as C3 is usually stated; reversed at the end.
        var memo = new Dictionary<string, List<string>?>(StringComparer.Ordinal);
        List<string>? precedence = Precedence(name, layers, memo, diagnostics);
        if (precedence is null)
        {
            return order;
        }

        precedence.Reverse();
        return precedence;
    }

    /// <summary>
    /// The C3 precedence list of <paramref name="name"/>: itself, then the merge of its parents' lists (the last parent
    /// first, since it wins) and of the reversed parent list. Null when no order exists (reported once, at the layer
    /// whose list cannot be kept).
    /// </summary>
    private static List<string>? Precedence(string name, IReadOnlyDictionary<string, EnvironmentLayer> layers, Dictionary<string, List<string>?> memo,
        ICollection<Diagnostic> diagnostics)
    {
        if (memo.TryGetValue(name, out List<string>? known))
        {
            return known;
        }

        IReadOnlyList<LayerReference> parents = layers[name].Extends;
        var sequences = new List<List<string>>(parents.Count + 1);
        for (int i = parents.Count - 1; i >= 0; i--)
        {
            List<string>? parent = Precedence(parents[i].Name, layers, memo, diagnostics);
            if (parent is null)
            {
                memo[name] = null;
                return null;
            }

            sequences.Add([.. parent]);
        }

        sequences.Add([.. parents.Reverse().Select(parent => parent.Name).Distinct(StringComparer.Ordinal)]);
        var result = new List<string> { name };
        while (sequences.Any(sequence => sequence.Count > 0))
        {
            string? head = sequences.Where(sequence => sequence.Count > 0).Select(sequence => sequence[0])
                .FirstOrDefault(candidate => !sequences.Any(sequence => sequence.IndexOf(candidate) > 0));
            if (head is null)
            {
                Add(diagnostics, Inconsistent(layers, layers[name], sequences));
                memo[name] = null;
                return null;
            }

            result.Add(head);
            foreach (List<string> sequence in sequences)
            {
                if (sequence.Count > 0 && sequence[0] == head)
                {
                    sequence.RemoveAt(0);
                }
            }
        }

        memo[name] = result;
        return result;
    }

    private static Diagnostic Inconsistent(IReadOnlyDictionary<string, EnvironmentLayer> layers, EnvironmentLayer layer, List<List<string>> sequences)
    {
        IReadOnlyList<LayerReference> parents = layer.Extends;
        string list = $"extends: [{string.Join(", ", parents.Select(parent => parent.Name))}]";
        for (int i = 0; i < parents.Count; i++)
        {
            for (int j = i + 1; j < parents.Count; j++)
            {
                if (Ancestors(parents[i].Name, layers).Contains(parents[j].Name))
                {
                    return Diagnostic.Error(parents[j].Location, EnvironmentDiagnosticCodes.InconsistentExtends,
                        $"{list} of '{layer.Name}' cannot be kept: it applies '{parents[j].Name}' after '{parents[i].Name}', but '{parents[i].Name}' extends '{parents[j].Name}', so '{parents[j].Name}' must come first; remove '{parents[j].Name}' from this list ('{parents[i].Name}' brings it) or list it before '{parents[i].Name}'");
                }
            }
        }

        IEnumerable<string> heads = sequences.Where(sequence => sequence.Count > 0).Select(sequence => sequence[0]).Distinct(StringComparer.Ordinal);
        return Diagnostic.Error(parents.Count > 0 ? parents[0].Location : new SourceLocation(layer.EnvFile, 1, 1), EnvironmentDiagnosticCodes.InconsistentExtends,
            $"{list} of '{layer.Name}' cannot be kept together with the extends lists of its parents: no order applies each of {string.Join(", ", heads.Select(head => $"'{head}'"))} after its parents and keeps every list's order; list the parents in an order their own extends agree with");
    }

    /// <summary>True when no layer of <paramref name="order"/> has more than one parent: every layer is ordered against every other.</summary>
    internal static bool IsChain(IReadOnlyList<string> order, IReadOnlyDictionary<string, EnvironmentLayer> layers)
    {
        foreach (string name in order)
        {
            if (layers[name].Extends.Count > 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every layer <paramref name="name"/> extends, directly or not (not itself).</summary>
    internal static HashSet<string> Ancestors(string name, IReadOnlyDictionary<string, EnvironmentLayer> layers)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([name]);
        while (pending.TryPop(out string? current))
        {
            if (!layers.TryGetValue(current, out EnvironmentLayer? layer))
            {
                continue;
            }

            foreach (LayerReference parent in layer.Extends)
            {
                if (result.Add(parent.Name))
                {
                    pending.Push(parent.Name);
                }
            }
        }

        return result;
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
