using Microsoft.AspNetCore.Mvc;
using Permit.Api.Features.Points;
using Permit.Api.Features.Registrations;
using Permit.Api.Security.Authorization;
using Permit.Api.Infrastructure.Http;
using Permit.Domain.Registrations;

namespace Permit.Api.Features.BulkReports;

/// <summary>
/// Employers' and landlords' arrival and departure reports, uploaded as CSV (UTF-8 or GB18030) or .xlsx (columns in
/// <see cref="BulkReportColumns"/>, documented in README.md). Good rows land in one transaction, bad rows come back with
/// row, column and reason; a dry run checks and writes nothing; a file that cannot be read as the table (not CSV or
/// .xlsx, wrong header, too large, too many rows) writes nothing.
/// </summary>
public static class BulkReportsApi
{
    public const long MaxBytes = RequestLimits.Csv;
    public const int MaxDataRows = 50_000;

    public static IServiceCollection AddBulkReports(this IServiceCollection services, IConfiguration configuration) =>
        services.AddWorkingCalendar(configuration).AddSingleton<BulkReportRuns>();

    public static RouteGroupBuilder MapBulkReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/bulk-reports").WithTags("Bulk reports").RequireAuthorization(Policies.Registrar);
        group.MapPost("/", Upload)
            .WithBodyLimit(MaxBytes)
            // One Accepts call: the content-type matcher reads only the last one.
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain", "application/csv", ResultSpreadsheet.MediaType)
            .DisableAntiforgery()
            .WithName("UploadBulkReport")
            .WithSummary("Records (or, with dryRun=true, checks) employers' and landlords' arrival/departure reports from a CSV or .xlsx file.")
            .WithDescription("Header: " + BulkReportColumns.Header + ". CSV in UTF-8 (with or without BOM) or GB18030, "
                + "detected or chosen with encoding=utf-8|gb18030; or an .xlsx workbook (first sheet). At most 50,000 data rows "
                + "and 16 MiB. multipart/form-data (field `file`) or a text/csv or .xlsx body. run=<uuid> names the run "
                + "whose progress GET /api/bulk-reports/runs/{run} shows while the upload is processed.");
        group.MapGet("/runs/{runId:guid}", Progress).WithName("BulkReportProgress")
            .WithSummary("How far a bulk-report run is (rows checked of rows read), for the officer who started it.");
        group.MapGet("/runs/{runId:guid}/result.xlsx", ResultSheet).WithName("BulkReportResult")
            .WithSummary("A finished run's outcome as a spreadsheet, one row per file row.");
        return group;
    }

    public static async Task<Results<Ok<BulkReportResponse>, ProblemHttpResult>> Upload(
        HttpRequest request, PermitDbContext db, TimeProvider time, WorkingCalendar calendar, BulkReportRuns runs,
        [FromQuery] bool? dryRun, [FromQuery] string? encoding, [FromQuery] Guid? run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runs);
        if (!ReportText.TryParse(encoding, out var chosen))
            return Invalid("bulk-report-encoding-invalid", "encoding is auto, utf-8 or gb18030.");
        var started = runs.Start(run ?? Guid.NewGuid(), PointsApi.OfficerName(request.HttpContext.User), dryRun ?? false);
        if (started is null)
            return Invalid("bulk-report-run-taken", "That run id is already in use: start each upload with a new one.");
        var body = await ReadFileAsync(request, cancellationToken);
        if (body.Problem is not null)
        {
            started.Stage = "failed";
            return body.Problem;
        }

        IReadOnlyList<CsvRow> rows;
        string readAs;
        try
        {
            (rows, readAs) = ReportFile.Read(body.Bytes, MaxDataRows + 1, chosen);
            BulkReportColumns.CheckHeader(rows);
        }
        catch (CsvFormatException e)
        {
            started.Stage = "failed";
            return Malformed(e);
        }
        started.Stage = "checking";
        var options = new BulkReportOptions { DryRun = started.DryRun, Calendar = calendar, Progress = started.Report };
        var report = await BulkReportWriter.WriteAsync(rows.Skip(1).ToList(), db, time, request.HttpContext, options, cancellationToken);
        report = report with { RunId = started.Id, ReadAs = readAs };
        started.Outcome = report;
        started.Stage = "done";
        return TypedResults.Ok(report);
    }

    public static Results<Ok<BulkReportProgress>, NotFound> Progress(Guid runId, BulkReportRuns runs, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(http);
        if (runs.Find(runId, PointsApi.OfficerName(http.User)) is not { } run)
            return TypedResults.NotFound();
        return TypedResults.Ok(new BulkReportProgress(run.Id, run.Stage, run.Done, run.Total, run.DryRun, run.Outcome?.AcceptedCount, run.Outcome?.RejectedCount));
    }

    public static Results<FileContentHttpResult, NotFound> ResultSheet(Guid runId, BulkReportRuns runs, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(http);
        if (runs.Find(runId, PointsApi.OfficerName(http.User)) is not { Outcome: { } outcome })
            return TypedResults.NotFound();
        var name = outcome.DryRun ? "bulk-report-dry-run.xlsx" : "bulk-report-result.xlsx";
        return TypedResults.File(ResultSpreadsheet.Write(outcome), ResultSpreadsheet.MediaType, name);
    }

    private static ProblemHttpResult Invalid(string code, string title) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Type = Problems.TypeOf(code),
        Title = title,
    });

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
                return ([], Unsupported("The form has no file: send the CSV or .xlsx as the `file` field."));
            if (file.Length > MaxBytes)
                return ([], Problems.PayloadTooLarge(MaxBytes));
            await using var stream = file.OpenReadStream();
            return await ReadLimitedAsync(stream, cancellationToken);
        }
        var mediaType = request.ContentType is { } contentType ? contentType.Split(';')[0].Trim() : null;
        if (mediaType is not ("text/csv" or "text/plain" or "application/csv" or ResultSpreadsheet.MediaType))
            return ([], Unsupported("Send the CSV as text/csv, the workbook as .xlsx, or either as multipart/form-data with a `file` field."));
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
