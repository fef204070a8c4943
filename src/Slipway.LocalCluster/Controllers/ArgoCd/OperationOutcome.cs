using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Controllers.ArgoCd;

/// <summary>How a sync operation ended, as <c>status.operationState</c> records it: phase, message, when, and the result per resource.</summary>
internal sealed record OperationOutcome(string Phase, string Message, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, JsonArray Resources);
