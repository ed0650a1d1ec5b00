using Permit.Api.Features.Permits;
using Permit.Api.Keys;
using Permit.Api.Security.Accounts;
using Permit.Documents.Cards;
using Permit.Documents.Receipts;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Credentials;

/// <summary>The activation code from the issuance answer, for the first print of the receipt; empty for a reprint.</summary>
public sealed record ReceiptRequest(string? ActivationCode);

/// <summary>
/// The officers' printable documents of a permit: the card face (PNG or PDF) with the printed QR credential, and the
/// issuance receipt (PDF) with the self-service activation code and the e-permit QR.
/// </summary>
/// <remarks>
/// The activation code is stored only as a hash and is known only to the issuance answer. The desk prints the receipt
/// right after issuing with that code in the request (<c>{"activationCode": …}</c>), which is checked against the stored
/// hash. A reprint without it, while the holder has not activated the account, issues a fresh code and the earlier one
/// stops working (audited as <c>self-service.activation-code-reissued</c>); once the account is active the receipt says
/// so instead of a code. That is why the receipt is a POST: printing it may change state.
/// </remarks>
public static class PermitDocumentsApi
{
    /// <summary>Days the applicant has to collect the card, printed on the receipt.</summary>
    public const int CollectionDays = 30;

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CardFaceAsync(
        string number, string? format, PermitDbContext db, IAuditTrail audit, IssuerKeyRing keys, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var kind = (format ?? "png").ToLowerInvariant();
        if (kind is not ("png" or "pdf"))
            return Problems.Problem("document-format-invalid", "format is png or pdf.");
        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        if (permit.HasEnded)
            return Problems.Problem("permit-ended", "An ended permit's card is not printed.");

        var data = await PermitCardDataSource.ForAsync(db, permit, permit.CurrentCard.Sequence, cancellationToken);
        var face = FaceOf(data, QrCredential.Issue(QrClaims.ForPermit(data, time.GetUtcNow()), keys.ActiveSigner))
            with { Photo = await Photos.PhotoStore.HolderPhotoAsync(db, permit.ResidentId, cancellationToken) };
        audit.Record("permit.card-face", permit.ResidentId, $"permit {permit.Number.Value} card {data.CardSequence}");
        await db.SaveChangesAsync(cancellationToken);
        return kind == "pdf"
            ? TypedResults.File(CardFaceRenderer.RenderPdf(face), "application/pdf", $"card-face-{data.PermitNumber}.pdf")
            : TypedResults.File(CardFaceRenderer.RenderPng(face), "image/png", $"card-face-{data.PermitNumber}.png");
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ReceiptAsync(
        string number, ReceiptRequest? request, PermitDbContext db, IAuditTrail audit, IssuerKeyRing keys, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        if (permit.HasEnded)
            return Problems.Problem("permit-ended", "An ended permit gets no receipt.");

        var data = await PermitCardDataSource.ForAsync(db, permit, permit.CurrentCard.Sequence, cancellationToken);
        var acceptedOn = await db.PermitApplications.AsNoTracking().Where(a => a.Id == permit.ApplicationId)
            .Select(a => a.AcceptedOn).SingleAsync(cancellationToken);
        var now = time.GetUtcNow();
        var account = await db.Set<MigrantAccount>().AsNoTracking().SingleOrDefaultAsync(m => m.ResidentId == permit.ResidentId, cancellationToken);
        string? code = null;
        if (request?.ActivationCode is { Length: > 0 } given)
        {
            if (account is null || account.ActivatedAt is not null || !account.CanActivate(now)
                || !string.Equals(account.ActivationCodeHash, MigrantAccount.HashCode(given), StringComparison.Ordinal))
                return Problems.Invalid("activationCode", "This is not the holder's current activation code; print the receipt without it to issue a fresh one.");
            code = given;
        }
        else if (account?.ActivatedAt is null)
        {
            code = await MigrantAccounts.IssueActivationCodeAsync(db, permit.ResidentId, now, cancellationToken);
            audit.Record("self-service.activation-code-reissued", permit.ResidentId, $"receipt for permit {permit.Number.Value}");
        }

        var receipt = new IssuanceReceipt
        {
            ApplicantName = data.Name,
            IdNumber = data.IdNumber,
            PermitNumber = data.PermitNumber,
            AcceptedOn = acceptedOn ?? permit.IssueDate,
            IssuedOn = permit.IssueDate,
            DueDate = permit.IssueDate.AddDays(CollectionDays),
            ActivationCode = code,
            IssuingAuthority = data.IssuingAuthority,
            QrText = QrCredential.Issue(QrClaims.ForPermit(data, now), keys.ActiveSigner),
            Photo = await Photos.PhotoStore.HolderPhotoAsync(db, permit.ResidentId, cancellationToken),
        };
        audit.Record("permit.receipt", permit.ResidentId, $"permit {permit.Number.Value}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(IssuanceReceiptRenderer.RenderPdf(receipt), "application/pdf", $"receipt-{data.PermitNumber}.pdf");
    }

    private static CardFace FaceOf(PermitCardData data, string qrText) => new()
    {
        Name = data.Name,
        Sex = data.Sex == "2" ? Sex.Female : Sex.Male,
        EthnicGroupCode = data.EthnicGroup,
        BirthDate = data.BirthDate,
        IdNumber = data.IdNumber,
        ResidenceAddress = data.ResidenceAddress,
        IssuingAuthority = data.IssuingAuthority,
        IssueDate = data.IssueDate,
        ValidUntil = data.ValidUntil,
        PermitNumber = data.PermitNumber,
        CardSequence = data.CardSequence,
        QrText = qrText,
    };
}
