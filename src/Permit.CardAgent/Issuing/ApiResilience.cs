using System.Collections.Concurrent;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Permit.CardAgent.Issuing;

/// <summary>
/// How the agent calls the permit API when the network is not perfect (a clinic's line, a county's VPN): every call has
/// an attempt timeout and an overall one, and a circuit breaker per API stops hammering an API that keeps failing.
/// Only calls that are safe to repeat are retried, with exponential backoff and jitter: reads (<c>GET</c>, <c>HEAD</c>)
/// and the personalization calls that carry an <c>Idempotency-Key</c> (the API replays its first answer to a repeat).
/// Everything else (sign-in, pairing, challenges) is sent once: a repeat could sign in twice, pair twice or burn a challenge.
/// </summary>
public sealed class ApiResilience
{
    /// <summary>The process's pipelines: one circuit breaker per API, shared by every client the agent makes.</summary>
    public static ApiResilience Shared { get; } = new();

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take, retries and pauses included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt (idempotent calls only).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first pause before a retry; each next one is about twice as long (with jitter), at most <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long calls are refused at once after the breaker opened (half the calls of the last 30 s failing, at least 5).</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock of the pauses and timeouts (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A client for <paramref name="api"/> over the network.</summary>
    public HttpClient CreateClient(Uri api) =>
        CreateClient(api, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    /// <summary>A client for <paramref name="api"/> whose requests pass this pipeline before <paramref name="inner"/>.</summary>
    public HttpClient CreateClient(Uri api, HttpMessageHandler inner)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(inner);
        var pipeline = _pipelines.GetOrAdd(api.GetLeftPart(UriPartial.Authority), _ => Build());
        // The pipeline's total timeout decides; the client's own is only a backstop beyond it.
        return new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = inner }) { BaseAddress = api, Timeout = TotalTimeout + TimeSpan.FromSeconds(5) };
    }

    /// <summary>Whether a request may be sent again after a failure without doing twice what it asks.</summary>
    public static bool MayRepeat(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Headers.Contains(PermitApiClient.IdempotencyHeader));

    private ResiliencePipeline<HttpResponseMessage> Build() =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = Time }
            .AddTimeout(TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = RetryDelay,
                MaxDelay = MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    MayRepeat(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = BreakDuration,
            })
            .AddTimeout(AttemptTimeout)
            .Build();
}
