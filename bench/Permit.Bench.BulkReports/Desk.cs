using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Permit.Api.Audit;
using Permit.Api.Features.BulkReports;
using Permit.Api.Persistence;
using Permit.Api.Security.Authorization;
using Permit.Domain.Registrations;

namespace Permit.Bench.BulkReports;

/// <summary>
/// A registrar of Zhenhai (330211) uploading a file: the upload endpoint itself (<see cref="BulkReportsApi.Upload"/>)
/// with the request, the officer's claims, the jurisdiction filter and the request's audit trail set up as the API's
/// middleware sets them; only the HTTP transport is left out.
/// </summary>
internal sealed class Desk(WorkingCalendar calendar, TimeProvider time)
{
    private readonly BulkReportRuns _runs = new(time);

    public async Task<BulkReportResponse> UploadAsync(PermitDbContext db, byte[] file, string mediaType, bool dryRun)
    {
        var accessor = new HttpContextAccessor();
        var services = new ServiceCollection()
            .AddSingleton<IHttpContextAccessor>(accessor)
            .AddSingleton<IAuditTrail>(new AuditTrail(db, new HttpAuditActorSource(accessor), time))
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        accessor.HttpContext = http;
        http.User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(PermitClaims.Subject, "bench-registrar"), new Claim(PermitClaims.Name, "bench.registrar"),
                new Claim(PermitClaims.Role, Roles.Registrar), new Claim(PermitClaims.Jurisdiction, "330211"),
            ], "bench", PermitClaims.Name, PermitClaims.Role));
        http.Request.Method = "POST";
        http.Request.ContentType = mediaType;
        http.Request.ContentLength = file.Length;
        http.Request.Body = new MemoryStream(file, writable: false);
        db.LimitToJurisdiction(Permit.Domain.Regions.Jurisdiction.Parse(JurisdictionScope.JurisdictionOf(http.User)));

        var result = await BulkReportsApi.Upload(http.Request, db, time, calendar, _runs, dryRun, null, null, CancellationToken.None);
        return result.Result switch
        {
            Ok<BulkReportResponse> ok => ok.Value!,
            ProblemHttpResult problem => throw new InvalidOperationException($"The upload was refused: {problem.ProblemDetails.Type} {problem.ProblemDetails.Detail}"),
            _ => throw new InvalidOperationException("Unexpected answer."),
        };
    }
}
