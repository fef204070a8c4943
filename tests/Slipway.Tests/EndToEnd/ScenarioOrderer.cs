using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Slipway.Tests.EndToEnd;

/// <summary>Runs a class's test methods in the order of their <see cref="ScenarioOrderAttribute"/> (unmarked ones last, by name).</summary>
public sealed class ScenarioOrderer : ITestMethodOrderer
{
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod
        => testMethods
            .OrderBy(static m => (m as IXunitTestMethod)?.Method.GetCustomAttribute<ScenarioOrderAttribute>()?.Order ?? int.MaxValue)
            .ThenBy(static m => m?.MethodName, StringComparer.Ordinal)
            .ToList();
}
