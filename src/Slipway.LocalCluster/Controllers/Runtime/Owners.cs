using System.Text.Json.Nodes;

namespace Slipway.LocalCluster.Controllers.Runtime;

/// <summary><c>metadata.ownerReferences</c> as controllers write and read them: the controller reference, and who it names.</summary>
internal static class Owners
{
    /// <summary>A reference to <paramref name="owner"/> with <c>controller: true</c> and <c>blockOwnerDeletion: true</c>.</summary>
    public static JsonArray ControllerReference(JsonObject owner) => new(new JsonObject
    {
        ["apiVersion"] = owner.Str("apiVersion"),
        ["kind"] = owner.Str("kind"),
        ["name"] = owner.Str("metadata", "name"),
        ["uid"] = owner.Str("metadata", "uid"),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    });

    /// <summary>The reference marked <c>controller: true</c>, or null.</summary>
    public static JsonObject? ControllerOf(JsonObject obj)
        => (obj.Arr("metadata", "ownerReferences") ?? []).OfType<JsonObject>().FirstOrDefault(o => o.Bool("controller"));

    /// <summary>Whether <paramref name="obj"/>'s controller reference names the object with <paramref name="uid"/>.</summary>
    public static bool IsControlledBy(JsonObject obj, string? uid) => uid is not null && ControllerOf(obj)?.Str("uid") == uid;

    /// <summary>The name of <paramref name="obj"/>'s controller when it is of <paramref name="kind"/>, or null.</summary>
    public static string? ControllerName(JsonObject obj, string kind)
        => ControllerOf(obj) is JsonObject reference && reference.Str("kind") == kind ? reference.Str("name") : null;
}
