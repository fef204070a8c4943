namespace Slipway.Delivery;

/// <summary>What <see cref="EnvironmentDelivery.ChecklistAsync"/> needs beside the environment: the gate inputs, and the lock check the build made.</summary>
/// <param name="Gates">As the Gates target asks (overrides are ignored: a checklist shows what holds without them).</param>
/// <param name="LockFile">The environment's <c>versions.lock.yaml</c>, relative to the repository.</param>
/// <param name="LockProblem">Null when the lock is current (Freeze --check); else why it is not.</param>
public sealed record ChecklistRequest(GateCheckRequest Gates, string LockFile, string? LockProblem);
