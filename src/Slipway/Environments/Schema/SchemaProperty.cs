namespace Slipway.Environments.Schema;

/// <summary>A key of an <see cref="ObjectSchema"/>. Required keys are checked on the merged environment, not per file.</summary>
public sealed record SchemaProperty(string Name, SchemaNode Schema, bool Required = false);
