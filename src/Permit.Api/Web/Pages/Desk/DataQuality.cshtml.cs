using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Permit.Api.Features.DataQuality;
using Permit.Api.Features.Permits;

namespace Permit.Api.Web.Pages.Desk;

/// <summary>The data-quality report: a count per check, and the records behind one check when it is chosen.</summary>
public sealed class DataQualityModel(PermitDbContext db, IOptions<PermitOptions> options) : PageModel
{
    public IReadOnlyList<QualityCount> Counts { get; private set; } = [];

    public QualityRecords? Records { get; private set; }

    public async Task OnGetAsync(string? check, CancellationToken cancellationToken)
    {
        Counts = (await DataQualityApi.CountsAsync(db, options, cancellationToken)).Value ?? [];
        if (check is not null && DataQualityChecks.Names.Contains(check))
        {
            var answer = await DataQualityApi.RecordsAsync(check, 100, db, options, HttpContext, cancellationToken);
            Records = (answer.Result as Microsoft.AspNetCore.Http.HttpResults.Ok<QualityRecords>)?.Value;
        }
    }
}
