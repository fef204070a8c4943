using System.Linq.Expressions;

namespace Slipway.Targets.Execution;

/// <summary>A parameter value a target implies when it is requested (<c>.Sets(() =&gt; _env, "staging")</c>).</summary>
internal sealed record ImpliedValue(LambdaExpression Parameter, object? Value);
