using Slipway.LocalCluster.Store.Schema;

namespace Slipway.LocalCluster.Store.ManagedFields;

/// <summary>
/// Who applies and how (<see cref="FieldOwnership.Apply"/>): the field manager, whether conflicts are forced, whether it is the
/// status subresource, the kind's schema and the time recorded in the manager's entry.
/// </summary>
public readonly record struct FieldApply(string Manager, bool Force, bool Status, OpenApiSchemaNode Schema, string Time);
