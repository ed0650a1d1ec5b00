using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Permit.Api.Infrastructure.Problems;

/// <summary>
/// Turns a save the database refused as a conflict into 409 with a problem type naming the rule. Endpoints that
/// expect a particular conflict may catch it themselves; this is the safety net that keeps it from becoming a 500.
/// </summary>
public sealed partial class DatabaseConflictExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<DatabaseConflictExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not DbUpdateException update || !DatabaseConflicts.TryClassify(update, out var conflict))
            return false;

        // The provider's message may quote the duplicate value (SQL Server does): log the rule, never the message.
        LogConflict(logger, conflict.Kind, conflict.Rule?.Name ?? "unknown");
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = ToProblem(conflict),
        });
    }

    public static ProblemDetails ToProblem(DatabaseConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var (type, title) = conflict switch
        {
            { Kind: DatabaseConflictKind.ConcurrentChange } =>
                (ProblemCatalogue.TypeOf("concurrency-conflict"), "The record was changed by someone else; reload it and try again."),
            { Rule: var rule } when rule == UniqueRules.ResidentIdNumber =>
                (ProblemCatalogue.TypeOf("duplicate-id-number"), "A resident with this citizen ID number is already recorded."),
            { Rule: var rule } when rule == UniqueRules.PermitNumber =>
                (ProblemCatalogue.TypeOf("duplicate-permit-number"), "This permit number is already taken."),
            { Rule: var rule } when rule == UniqueRules.CardSequence =>
                (ProblemCatalogue.TypeOf("duplicate-card-sequence"), "A card with this sequence already exists for the permit."),
            { Rule: var rule } when rule == UniqueRules.LivePermitPerResident =>
                (ProblemCatalogue.TypeOf("live-permit-exists"), "The resident already holds a live residence permit."),
            _ => (ProblemCatalogue.TypeOf("duplicate"), "The record duplicates one that already exists."),
        };
        return new ProblemDetails { Status = StatusCodes.Status409Conflict, Type = type, Title = title };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Save refused as a conflict: {ConflictKind} on rule {Rule}")]
    private static partial void LogConflict(ILogger logger, DatabaseConflictKind conflictKind, string rule);
}
