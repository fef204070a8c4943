namespace Slipway.Ci;

/// <summary>
/// A job run once per value of <see cref="Key"/>: over fixed <see cref="Values"/> (fan-out to the environments of a
/// layer), or over the environments a pull request touches, which the job <see cref="FromJob"/> finds at run time.
/// </summary>
public sealed record CiMatrix(string Key, string Variable)
{
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>The id of the job whose output <c>environments</c> (a JSON array) the matrix runs over (GitHub); null for fixed values.</summary>
    public string? FromJob { get; init; }

    /// <summary>How many of the jobs run at once (GitHub <c>max-parallel</c>); null for the platform's default.</summary>
    public int? MaxParallel { get; init; }
}
