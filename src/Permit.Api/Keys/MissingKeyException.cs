namespace Permit.Api.Keys;

/// <summary>
/// A key the API needs is missing or unreadable, and this environment does not create keys (Production): the API
/// refuses to start rather than make new keys that cannot decrypt what the old ones encrypted. The message names the
/// file and the command that creates keys; it never holds key material.
/// </summary>
public sealed class MissingKeyException : InvalidOperationException
{
    public const string InitCommand = "Permit.Api keys init";

    public MissingKeyException()
    {
    }

    public MissingKeyException(string message) : base(message)
    {
    }

    public MissingKeyException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public static MissingKeyException Missing(string path) => new(
        $"The key file {path} is missing. Create the keys once with `{InitCommand}` (same Keys:Directory), or mount the " +
        "key directory that holds them: the API does not create keys outside Development, since new keys cannot read " +
        "what the old ones encrypted.");

    public static MissingKeyException Unreadable(string path, string reason, Exception? inner = null) => new(
        $"The key file {path} is unreadable ({reason}). Restore it from the key backup, or on a new installation create " +
        $"the keys with `{InitCommand}`.", inner!);
}
