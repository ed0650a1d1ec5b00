namespace Permit.Api.Features.Permits;

/// <summary>Permits run on dates in China (UTC+8): "today" for issue dates, windows and suspensions.</summary>
public static class PermitsClock
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);
    }
}
