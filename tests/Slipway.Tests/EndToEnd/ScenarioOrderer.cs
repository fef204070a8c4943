using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Slipway.Tests.EndToEnd;

/// <summary>Runs a class's tests in the order of their <see cref="ScenarioOrderAttribute"/> (unmarked ones last, by name).</summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase
        => testCases
            .OrderBy(static t => (t as IXunitTestCase)?.TestMethod.Method.GetCustomAttribute<ScenarioOrderAttribute>()?.Order ?? int.MaxValue)
            .ThenBy(static t => t.TestCaseDisplayName, StringComparer.Ordinal)
            .ToList();
}
