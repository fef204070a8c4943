namespace Slipway.Targets.Execution;

/// <summary>
/// Pure planning: checks the graph (unknown names, cycles), schedules the requested targets with their dependencies
/// and triggers, and orders them deterministically (dependencies first, ties by declaration order).
/// </summary>
internal static class ExecutionPlanner
{
    public static IReadOnlyList<PlannedTarget> Plan(PlanRequest request)
    {
        Dictionary<string, PlanNode> nodes = request.Nodes.ToDictionary(static n => n.Name, StringComparer.Ordinal);
        List<string> problems = FindGraphProblems(request.Nodes, nodes);
        problems.AddRange(request.Requested.Where(n => !nodes.ContainsKey(n)).Select(static n => $"Unknown target '{n}'."));
        if (problems.Count > 0)
        {
            throw new BuildException(string.Join(Environment.NewLine, problems), ExitCodes.BadInput);
        }

        Dictionary<string, (ScheduleReason Reason, string? Cause)> scheduled = Schedule(request, nodes);
        Dictionary<string, List<string>> runsAfter = BuildOrderEdges(request.Nodes, nodes);
        var skip = new HashSet<string>(request.Skip, StringComparer.Ordinal);
        var requested = new HashSet<string>(request.Requested, StringComparer.Ordinal);

        var result = new List<PlannedTarget>(scheduled.Count);
        foreach (string name in Order(scheduled.Keys, runsAfter, nodes))
        {
            (ScheduleReason reason, string? cause) = scheduled[name];
            string? skipReason = skip.Contains(name) ? "--skip"
                : request.SkipAllButRequested && !requested.Contains(name) ? "--skip (all but the requested targets)"
                : request.StaticSkipReason(name);
            result.Add(new PlannedTarget(name, reason, cause, skipReason));
        }

        return result;
    }

    /// <summary>Every unknown reference and every cycle of the whole graph, so all problems are reported together.</summary>
    internal static List<string> FindGraphProblems(IReadOnlyList<PlanNode> list, Dictionary<string, PlanNode> nodes)
    {
        var problems = new List<string>();
        foreach (PlanNode node in list)
        {
            foreach (string reference in node.DependsOn.Concat(node.After).Concat(node.Before).Concat(node.Triggers).Concat(node.TriggeredBy))
            {
                if (!nodes.ContainsKey(reference))
                {
                    problems.Add($"Target '{node.Name}' refers to unknown target '{reference}'.");
                }
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        Dictionary<string, List<string>> runsAfter = BuildOrderEdges(list, nodes);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        var seenCycles = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlanNode node in list.OrderBy(static n => n.Index))
        {
            FindCycles(node.Name, runsAfter, state, stack, problems, seenCycles);
        }

        return problems;
    }

    private static void FindCycles(string name, Dictionary<string, List<string>> runsAfter, Dictionary<string, int> state, List<string> stack, List<string> problems, HashSet<string> seenCycles)
    {
        state.TryGetValue(name, out int current);
        if (current == 2)
        {
            return;
        }

        if (current == 1)
        {
            int start = stack.IndexOf(name);
            List<string> cycle = stack.GetRange(start, stack.Count - start);
            string key = string.Join(",", cycle.Order(StringComparer.Ordinal));
            if (seenCycles.Add(key))
            {
                problems.Add($"Circular dependency: {string.Join(" -> ", cycle.Append(name))}");
            }

            return;
        }

        state[name] = 1;
        stack.Add(name);
        foreach (string before in runsAfter[name])
        {
            FindCycles(before, runsAfter, state, stack, problems, seenCycles);
        }

        stack.RemoveAt(stack.Count - 1);
        state[name] = 2;
    }

    /// <summary>For each target, the targets that must run before it when both are scheduled.</summary>
    private static Dictionary<string, List<string>> BuildOrderEdges(IReadOnlyList<PlanNode> list, Dictionary<string, PlanNode> nodes)
    {
        var edges = list.ToDictionary(static n => n.Name, static _ => new List<string>(), StringComparer.Ordinal);
        void Add(string target, string runsBefore)
        {
            if (edges.TryGetValue(target, out List<string>? targetEdges) && nodes.ContainsKey(runsBefore) && !targetEdges.Contains(runsBefore))
            {
                targetEdges.Add(runsBefore);
            }
        }

        foreach (PlanNode node in list)
        {
            node.DependsOn.ToList().ForEach(d => Add(node.Name, d));
            node.After.ToList().ForEach(a => Add(node.Name, a));
            node.Before.ToList().ForEach(b => Add(b, node.Name));
            node.Triggers.ToList().ForEach(t => Add(t, node.Name));
            node.TriggeredBy.ToList().ForEach(t => Add(node.Name, t));
        }

        return edges;
    }

    private static Dictionary<string, (ScheduleReason, string?)> Schedule(PlanRequest request, Dictionary<string, PlanNode> nodes)
    {
        var scheduled = new Dictionary<string, (ScheduleReason, string?)>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (string name in request.Requested)
        {
            if (scheduled.TryAdd(name, (ScheduleReason.Requested, null)))
            {
                queue.Enqueue(name);
            }
        }

        while (queue.Count > 0)
        {
            string name = queue.Dequeue();
            if (request.StaticSkipReason(name) is not null)
            {
                continue; // a statically skipped target pulls in neither its dependencies nor its triggers
            }

            PlanNode node = nodes[name];
            foreach (string dependency in node.DependsOn)
            {
                if (scheduled.TryAdd(dependency, (ScheduleReason.Dependency, name)))
                {
                    queue.Enqueue(dependency);
                }
            }

            IEnumerable<string> triggered = node.Triggers.Concat(
                request.Nodes.Where(n => n.TriggeredBy.Contains(name, StringComparer.Ordinal)).OrderBy(static n => n.Index).Select(static n => n.Name));
            foreach (string trigger in triggered)
            {
                if (scheduled.TryAdd(trigger, (ScheduleReason.Triggered, name)))
                {
                    queue.Enqueue(trigger);
                }
            }
        }

        return scheduled;
    }

    private static List<string> Order(IEnumerable<string> scheduled, Dictionary<string, List<string>> runsAfter, Dictionary<string, PlanNode> nodes)
    {
        var remaining = new HashSet<string>(scheduled, StringComparer.Ordinal);
        var ordered = new List<string>(remaining.Count);
        while (remaining.Count > 0)
        {
            string next = remaining
                .Where(n => runsAfter[n].All(before => !remaining.Contains(before)))
                .OrderBy(n => nodes[n].Index)
                .First(); // the whole graph was checked for cycles, so one is always ready
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }
}
