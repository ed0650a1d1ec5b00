using Microsoft.Extensions.Options;
using Permit.Api.Features.Permits;
using Permit.Documents.Receipts;
using Permit.Domain.Applications;

namespace Permit.Api.Features.Applications;

/// <summary>
/// The acceptance receipt (受理回执): printed the day an application is accepted, so the applicant holds proof of
/// acceptance and the due date long before the permit is issued. Printing it reads personal data: audited.
/// </summary>
public static class AcceptanceReceiptApi
{
    /// <summary>What the receipt calls each document (the applicant reads Chinese).</summary>
    private static string DocumentName(DocumentKind kind) => kind switch
    {
        DocumentKind.IdCard => "居民身份证",
        DocumentKind.Photo => "照片",
        DocumentKind.LabourContract => "劳动合同",
        DocumentKind.BusinessLicence => "营业执照",
        DocumentKind.TenancyRegistration => "租赁登记",
        DocumentKind.PropertyCertificate => "房产证明",
        DocumentKind.EnrolmentCertificate => "就读证明",
        _ => kind.ToString(),
    };

    public static RouteGroupBuilder MapAcceptanceReceipt(this RouteGroupBuilder applications)
    {
        applications.MapGet("/{id:guid}/acceptance-receipt", ReceiptAsync).WithName("GetAcceptanceReceipt")
            .WithSummary("The acceptance receipt (受理回执, PDF) of an accepted application (audited).");
        return applications;
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReceiptAsync(
        Guid id, PermitDbContext db, IAuditTrail audit, IOptions<PermitOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var application = await db.PermitApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        // A submitted application is not accepted yet, and a rejected one was never going to be issued: no receipt.
        if (application is null || application.AcceptedOn is null || application.Status == ApplicationStatus.Rejected)
            return Problems.NoSuch("accepted application");
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == application.ResidentId, cancellationToken);
        var receipt = new AcceptanceReceipt
        {
            ApplicantName = resident.Name,
            IdNumber = resident.CitizenId.Value,
            Reference = application.Id.ToString()[..8].ToUpperInvariant(),
            AcceptedOn = application.AcceptedOn.Value,
            DueDate = application.DueDate!.Value,
            Documents = [.. application.Documents.Select(d => d.Kind).Distinct().Order().Select(DocumentName)],
            IssuingAuthority = options.Value.IssuingAuthority,
        };
        audit.Record("application.acceptance-receipt", application.ResidentId, $"application {application.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(AcceptanceReceiptRenderer.RenderPdf(receipt), "application/pdf", $"acceptance-receipt-{receipt.Reference}.pdf");
    }
}
