using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Permit.Api.Persistence;
using Permit.Api.Security.Authorization;
using Permit.Api.Infrastructure.Problems;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// Employers' and landlords' arrival and departure reports, uploaded as CSV (columns in <see cref="BulkReportColumns"/>,
/// documented in README.md). Good rows land in one transaction, bad rows come back with row, column and reason; a file
/// that cannot be read as the table (not CSV, wrong header, too large, too many rows) writes nothing.
/// </summary>
public static class BulkReportsApi
{
    public const long MaxBytes = RequestLimits.Csv;
    public const int MaxDataRows = 5000;

    public static RouteGroupBuilder MapBulkReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/bulk-reports").WithTags("Bulk reports").RequireAuthorization(Policies.Registrar);
        group.MapPost("/", Upload)
            .WithBodyLimit(MaxBytes)
            // One Accepts call: the content-type matcher reads only the last one.
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain", "application/csv")
            .DisableAntiforgery()
            .WithName("UploadBulkReport")
            .WithSummary("Records employers' and landlords' arrival/departure reports from a CSV file.")
            .WithDescription("Header: " + BulkReportColumns.Header + ". UTF-8 with or without BOM; at most "
                + "5000 data rows and 2 MiB. multipart/form-data (field `file`) or a text/csv body.");
        return group;
    }

    public static async Task<Results<Ok<BulkReportResponse>, ProblemHttpResult>> Upload(
        HttpRequest request, PermitDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadFileAsync(request, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;

        IReadOnlyList<CsvRow> rows;
        try
        {
            rows = CsvTable.Read(body.Bytes, MaxDataRows + 1);
            BulkReportColumns.CheckHeader(rows);
        }
        catch (CsvFormatException e)
        {
            return Malformed(e);
        }
        return TypedResults.Ok(await BulkReportWriter.WriteAsync(rows.Skip(1).ToList(), db, time, request.HttpContext, cancellationToken));
    }

    private static ProblemHttpResult Malformed(CsvFormatException e)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Type = Problems.TypeOf(e.Code),
            Title = "The file cannot be read as a bulk report; nothing was recorded.",
            Detail = e.Message,
        };
        problem.Extensions["code"] = e.Code;
        problem.Extensions["expectedHeader"] = BulkReportColumns.Header;
        if (e.Row is { } row)
            problem.Extensions["row"] = row;
        return TypedResults.Problem(problem);
    }

    private static async Task<(byte[] Bytes, ProblemHttpResult? Problem)> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
            return ([], Problems.PayloadTooLarge(MaxBytes));
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null)
                return ([], Unsupported("The form has no file: send the CSV as the `file` field."));
            if (file.Length > MaxBytes)
                return ([], Problems.PayloadTooLarge(MaxBytes));
            await using var stream = file.OpenReadStream();
            return await ReadLimitedAsync(stream, cancellationToken);
        }
        var mediaType = request.ContentType is { } contentType ? contentType.Split(';')[0].Trim() : null;
        if (mediaType is not ("text/csv" or "text/plain" or "application/csv"))
            return ([], Unsupported("Send the CSV as text/csv or as multipart/form-data with a `file` field."));
        return await ReadLimitedAsync(request.Body, cancellationToken);
    }

    /// <summary>Reads at most <see cref="MaxBytes"/>: a body without Content-Length is cut off, not buffered whole.</summary>
    private static async Task<(byte[] Bytes, ProblemHttpResult? Problem)> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return ([], Problems.PayloadTooLarge(MaxBytes));
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), null);
    }

    private static ProblemHttpResult Unsupported(string title) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status415UnsupportedMediaType,
        Type = Problems.TypeOf("bulk-report-media-type"),
        Title = title,
    });
}
