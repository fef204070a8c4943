using static Slipway.LocalCluster.Store.Schema.SchemaBuilder;

namespace Slipway.LocalCluster.Store.Schema;

/// <summary>The fields every object has: <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> (ObjectMeta, complete).</summary>
internal static class ObjectMetaSchema
{
    public static OpenApiSchemaNode Metadata { get; } = Object(
        "Standard object's metadata.",
        ("annotations", StringMap("Unstructured key value map stored with a resource.")),
        ("creationTimestamp", Time("When this object was created.")),
        ("deletionGracePeriodSeconds", Long("Seconds allowed for this object to terminate gracefully.")),
        ("deletionTimestamp", Time("When this object will be deleted.")),
        ("finalizers", StringSet("Must be empty before the object is deleted from the registry.")),
        ("generateName", String("Prefix of a name the server generates when name is empty.")),
        ("generation", Long("A sequence number representing a specific generation of the desired state.")),
        ("labels", StringMap("Map of string keys and values used to organize and categorize objects.")),
        ("managedFields", Atomic(ManagedFieldsEntry(), "Which field managers own which fields, and with which operation.")),
        ("name", String("Name must be unique within a namespace.")),
        ("namespace", String("The namespace the object lives in.")),
        ("ownerReferences", Keyed(OwnerReference(), "Objects this object depends on.", "uid", "uid")),
        ("resourceVersion", String("The internal version of this object, for optimistic concurrency.")),
        ("selfLink", String("Deprecated; not set.")),
        ("uid", String("Unique in time and space value for this object.")));

    /// <summary>A top-level kind: apiVersion, kind, metadata plus <paramref name="fields"/>.</summary>
    public static OpenApiSchemaNode Kind(string description, params (string Name, OpenApiSchemaNode Schema)[] fields)
        => Object(
            description,
            ("apiVersion", String("APIVersion defines the versioned schema of this representation of an object.")),
            ("kind", String("Kind is a string value representing the REST resource this object represents.")),
            ("metadata", Metadata)).With(fields);

    private static OpenApiSchemaNode ManagedFieldsEntry() => Object(
        "A field manager's set of fields.",
        ("apiVersion", String("The version of the resource this entry's fields are in.")),
        ("fieldsType", String("The format of fieldsV1: always FieldsV1.")),
        ("fieldsV1", Free("The set of fields, as a trie of f:, k:, v:, i: keys.")),
        ("manager", String("The field manager.")),
        ("operation", String("Apply or Update.")),
        ("subresource", String("The subresource written, if any.")),
        ("time", Time("When the fields last changed.")));

    private static OpenApiSchemaNode OwnerReference() => Object(
        "A reference to an owning object.",
        ("apiVersion", String("API version of the referent.")),
        ("blockOwnerDeletion", Boolean("The owner cannot be deleted before this reference is removed.")),
        ("controller", Boolean("This reference points to the managing controller.")),
        ("kind", String("Kind of the referent.")),
        ("name", String("Name of the referent.")),
        ("uid", String("UID of the referent."))).Requiring("apiVersion", "kind", "name", "uid");
}
