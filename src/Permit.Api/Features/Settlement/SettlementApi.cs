using Permit.Api.Infrastructure.Http;
using Permit.Api.Features.Residents;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Settlement;

/// <summary>
/// <c>/api/settlement</c>: 落户. Registrars submit and read category applications; supervisors decide them and publish
/// condition sets. One line in Program.cs: <c>app.MapSettlement();</c>.
/// </summary>
public static class SettlementApi
{
    public static IEndpointRouteBuilder MapSettlement(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settlement = app.MapGroup("/api/settlement").RequireAuthorization(Policies.Registrar).WithTags("Settlement");

        settlement.MapGet("/condition-sets", ConditionSetPublishing.ListAsync)
            .WithName("ListSettlementConditionSets").WithSummary("The category condition sets: each condition and the evidence it needs");
        settlement.MapPost("/condition-sets", ConditionSetPublishing.PublishAsync).RequireAuthorization(Policies.Supervisor)
            .WithBodyLimit(RequestLimits.Json)
            .WithName("PublishSettlementConditionSet").WithSummary("Publish a new condition-set version (JSON, the shipped file's shape)");
        settlement.MapPost("/applications", SettlementApplications.SubmitAsync).WithBodyLimit(RequestLimits.Json)
            .WithName("SubmitSettlementApplication")
            .WithSummary("A category application: assessed at once, every unmet condition listed together (一次性告知), family members checked");
        settlement.MapGet("/applications/{id:guid}", SettlementApplications.GetAsync)
            .WithName("GetSettlementApplication").WithSummary("An application assessed again today (audited)");
        settlement.MapPost("/applications/{id:guid}/decision", SettlementApplications.DecideAsync).RequireAuthorization(Policies.Supervisor)
            .WithBodyLimit(RequestLimits.Json)
            .WithName("DecideSettlementApplication")
            .WithSummary("Approve (every condition met; the permits of applicant and members end: local hukou obtained) or refuse, with reasons");

        var rounds = settlement.MapGroup("/rounds");
        rounds.MapPost("/", Rounds.SettlementRounds.OpenAsync).RequireAuthorization(Policies.Supervisor).WithBodyLimit(RequestLimits.Json)
            .WithName("OpenSettlementRound").WithSummary("Open a yearly 积分落户 round: quota, application window, publicity days, floors");
        rounds.MapGet("/{id:guid}", Rounds.SettlementRounds.GetAsync)
            .WithName("GetSettlementRound").WithSummary("A round with its latest ranking, recomputed from the stored inputs to show it is reproducible");
        rounds.MapPost("/{id:guid}/applicants", Rounds.SettlementRounds.EnterAsync).WithBodyLimit(RequestLimits.Json)
            .WithName("EnterSettlementRound").WithSummary("Enter a resident inside the window, with the family members settling with them (checked as for a category application): the index facts are taken from the register and kept");
        rounds.MapPost("/{id:guid}/closing", Rounds.SettlementRounds.CloseApplicationsAsync).RequireAuthorization(Policies.Supervisor)
            .WithName("CloseSettlementRoundApplications").WithSummary("Close the application window at the end of today (publication from tomorrow)");
        rounds.MapPost("/{id:guid}/publication", Rounds.SettlementRounds.PublishAsync).RequireAuthorization(Policies.Supervisor)
            .WithName("PublishSettlementRound").WithSummary("Rank and publish for the publicity period (公示)");
        rounds.MapPost("/{id:guid}/objections", Rounds.SettlementRounds.FileObjectionAsync).WithBodyLimit(RequestLimits.Json)
            .WithName("FileSettlementObjection").WithSummary("Record an applicant's objection to one index fact, during publicity only");
        rounds.MapPost("/{id:guid}/objections/{objectionId:guid}/decision", Rounds.SettlementRounds.DecideObjectionAsync)
            .RequireAuthorization(Policies.Supervisor).WithBodyLimit(RequestLimits.Json)
            .WithName("DecideSettlementObjection").WithSummary("Uphold (re-run, showing what changed) or dismiss an objection, during publicity only");
        rounds.MapPost("/{id:guid}/final", Rounds.SettlementRounds.FinalizeAsync).RequireAuthorization(Policies.Supervisor)
            .WithName("FinalizeSettlementRound").WithSummary("Fix the final list after publicity; the permits of the settled applicants and their settling members end (local hukou obtained)");

        settlement.MapGet("/applications/{id:guid}/notice", SettlementDocuments.ApplicationNoticeAsync)
            .WithName("GetSettlementNotice").WithSummary("The notice letter (PDF, Chinese) of an approved application");
        rounds.MapGet("/{id:guid}/applicants/{applicantId:guid}/notice", SettlementDocuments.RoundNoticeAsync)
            .WithName("GetRoundSettlementNotice").WithSummary("The notice letter (PDF, Chinese) of a settled applicant of a final round");
        settlement.MapGet("/export", SettlementDocuments.ExportAsync).RequireAuthorization(Policies.Supervisor)
            .WithName("ExportSettledHouseholds").WithSummary("The settled households for the hukou system: ?format=csv (default) or json; columns in docs/settlement.md");

        app.MapGet("/api/public/settlement-rounds/{id:guid}", Rounds.RoundPublicity.GetAsync).AllowAnonymous().WithTags("Settlement")
            .WithName("GetSettlementPublicity").WithSummary("The public publicity list: masked name and ID number, score, rank, outcome");
        app.MapGet("/api/self-service/settlement", Rounds.RoundPublicity.OwnAsync).RequireAuthorization(Policies.Migrant).WithTags("Self-service")
            .WithName("GetOwnSettlementScore").WithSummary("The holder's settlement score with each indicator explained, and the current rank in a round");
        return app;
    }
}
