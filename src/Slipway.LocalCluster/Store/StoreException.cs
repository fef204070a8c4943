namespace Slipway.LocalCluster.Store;

/// <summary>
/// A refused store operation, carrying what the API server answers with: the HTTP code and the
/// Kubernetes <c>Status.reason</c> (NotFound 404, AlreadyExists 409, Conflict 409, Gone 410, Invalid 422, BadRequest 400).
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException(int code, string reason, string message)
        : base(message)
    {
        Code = code;
        Reason = reason;
    }

    public int Code { get; }

    public string Reason { get; }

    /// <summary><c>Status.details.causes</c>: what exactly was refused (the fields of an apply conflict).</summary>
    public IReadOnlyList<Cause> Causes { get; init; } = [];

    /// <summary>One <c>StatusCause</c>: its type (<c>FieldManagerConflict</c>), message and field.</summary>
    public sealed record Cause(string Type, string Message, string Field);

    public static StoreException NotFound(ResourceType type, string name)
        => new(404, "NotFound", type.Group.Length == 0 ? $"{type.Plural} \"{name}\" not found" : $"{type.Plural}.{type.Group} \"{name}\" not found");

    public static StoreException AlreadyExists(ResourceType type, string name)
        => new(409, "AlreadyExists", $"{type.Plural} \"{name}\" already exists");

    public static StoreException Conflict(ResourceType type, string name)
        => new(409, "Conflict", $"Operation cannot be fulfilled on {type.Plural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again");

    public static StoreException Gone(long resourceVersion)
        => new(410, "Expired", $"too old resource version: {resourceVersion}");
}
