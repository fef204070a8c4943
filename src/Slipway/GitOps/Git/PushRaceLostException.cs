namespace Slipway.GitOps.Git;

/// <summary>The push was not a fast-forward: someone pushed first. Retried by fetching and redoing the edit.</summary>
internal sealed class PushRaceLostException : Exception
{
    public PushRaceLostException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
