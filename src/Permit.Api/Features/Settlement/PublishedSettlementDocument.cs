namespace Permit.Api.Features.Settlement;

/// <summary>
/// A published settlement document (a category condition set, kind <c>conditions</c>), stored as sent: the JSON
/// an application was assessed under stays readable for as long as the application is. Never edited.
/// </summary>
public sealed class PublishedSettlementDocument
{
    public const string ConditionsKind = "conditions";

    private PublishedSettlementDocument() { }

    internal PublishedSettlementDocument(string kind, string documentId, int version, DateOnly effectiveFrom, string json, DateTimeOffset publishedAt, string publishedBy)
    {
        Kind = kind;
        DocumentId = documentId;
        Version = version;
        EffectiveFrom = effectiveFrom;
        Json = json;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public string Kind { get; private set; } = "";

    public string DocumentId { get; private set; } = "";

    public int Version { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public string Json { get; private set; } = "";

    public DateTimeOffset PublishedAt { get; private set; }

    public string PublishedBy { get; private set; } = "";
}
