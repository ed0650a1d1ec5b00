namespace Permit.Domain.Applications;

/// <summary>A document handed in with an application: its kind and where the scan is stored.</summary>
public sealed class SubmittedDocument
{
    private SubmittedDocument()
    {
        // For EF Core materialization.
        Reference = null!;
    }

    internal SubmittedDocument(DocumentKind kind, string reference, DateOnly handedInOn)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Reference = reference;
        HandedInOn = handedInOn;
    }

    public Guid Id { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary>A storage key of the scan, not the scan itself.</summary>
    public string Reference { get; private set; }

    public DateOnly HandedInOn { get; private set; }
}
