namespace Permit.Api.Keys;

/// <summary>Where the API keeps its keys: a directory outside the database, so a database dump holds no key.</summary>
public sealed class KeyOptions
{
    public const string Section = "Keys";

    /// <summary>Relative paths are taken from the content root.</summary>
    public string Directory { get; set; } = "data/keys";
}
