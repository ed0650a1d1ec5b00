using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Permit.CardAgent.Cli;
using Permit.CardAgent.Offline;
using Permit.CardAgent.Verification;
using Permit.Documents.Qr;
using Permit.Domain.Credentials.Verification;

namespace Permit.CardAgent.Server;

/// <summary>The QR text pasted or scanned by the page, or a picture of the code (base64 PNG/JPEG).</summary>
public sealed record QrVerifyRequest(string? Text, string? Image);

/// <summary>
/// <c>POST /qr/verify</c>: the verifier pages' QR check, offline, against the lists the last sync stored (the same
/// <see cref="CredentialVerifier"/> as cards). 200 with the verdict whatever it is; 400 when neither text nor a readable
/// image was sent; 503 before the first sync.
/// </summary>
public static class QrEndpoints
{
    /// <summary>A phone photo is a few MB; a base64 picture larger than this is refused before decoding.</summary>
    public const int MaxImageBase64Chars = 16 * 1024 * 1024;

    public static void MapQrEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/qr/verify", Results<Ok<QrVerdictJson>, ProblemHttpResult> (QrVerifyRequest? request, AgentHost host) =>
        {
            string? text = request?.Text;
            if (text is null && request?.Image is { } image)
            {
                if (image.Length > MaxImageBase64Chars)
                    return Invalid("image-too-large", "The picture is too large; send the QR text or a smaller picture.");
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(image);
                }
                catch (FormatException)
                {
                    return Invalid("image-invalid", "image must be a base64 PNG or JPEG.");
                }

                var read = QrReader.ReadImage(bytes);
                if (!read.IsDecoded)
                    return Invalid("no-qr", read.Message);
                text = read.Text;
            }

            if (string.IsNullOrWhiteSpace(text))
                return Invalid("qr-missing", "Send {\"text\": \"RP1:…\"} or {\"image\": \"<base64 PNG or JPEG>\"}.");

            var store = AgentState.Store(null, host);
            VerifierSetup setup;
            try
            {
                setup = OfflineVerifier.Load(store, "qr/verify");
            }
            catch (Failures.AgentException e)
            {
                return AgentProblems.NotConfigured(e.Message);
            }

            var verdict = CredentialVerifier.VerifyQr(text.Trim(), setup.TrustList, setup.Revocation, host.Time.GetUtcNow());
            return TypedResults.Ok(QrVerdictJson.From(verdict));
        });

    private static ProblemHttpResult Invalid(string code, string detail) => TypedResults.Problem(
        detail: detail, statusCode: StatusCodes.Status400BadRequest, title: code, type: AgentProblems.TypePrefix + code);
}
