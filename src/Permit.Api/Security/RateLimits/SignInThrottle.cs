using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Permit.Api.Security.RateLimits;

/// <summary>
/// The sign-in limit per user name (<c>RateLimits:SignInPerUserName</c>), applied by the sign-in and activation
/// endpoints once they have read the name from the body: guesses spread over many addresses still run out.
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perUserName = PartitionedRateLimiter.Create<string, string>(userName =>
        options.Value.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(userName, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.SignInPerUserName.PermitLimit,
                Window = options.Value.SignInPerUserName.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(userName));

    /// <summary>Null when the attempt may go ahead, else the 429 problem to answer (with its Retry-After).</summary>
    public ProblemHttpResult? Refusal(HttpContext http, string normalizedUserName)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = _perUserName.AttemptAcquire(normalizedUserName);
        if (lease.IsAcquired)
            return null;
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(RateLimitSetup.TooMany(seconds));
    }

    public void Dispose() => _perUserName.Dispose();
}
