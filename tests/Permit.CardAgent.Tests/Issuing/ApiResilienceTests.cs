using System.Text;
using Permit.CardAgent.Issuing;

namespace Permit.CardAgent.Tests.Issuing;

/// <summary>
/// The agent's calls to the permit API through <see cref="ApiResilience"/>, against an API that keeps failing: only
/// calls that are safe to repeat are repeated, and an API that fails again and again is rested by the breaker.
/// </summary>
public sealed class ApiResilienceTests
{
    private static readonly Uri Api = new("https://permits.test/");

    // Pauses of a millisecond: the tests count attempts, never time them.
    private static ApiResilience Pipeline() => new() { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(2) };

    [Fact]
    public async Task A_sign_in_that_meets_a_failing_api_is_sent_once_and_not_repeated()
    {
        var api = new FailingApi(HttpStatusCode.ServiceUnavailable);
        using var http = Pipeline().CreateClient(Api, api);

        var failure = await Assert.ThrowsAsync<AgentException>(() =>
            new PermitApiClient(http, token: null).SignInAsync("li.registrar", "not-a-real-password", TestContext.Current.CancellationToken));

        Assert.Equal(ExitCodes.ApiUnavailable, failure.ExitCode);
        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task A_pairing_whose_connection_drops_is_not_repeated_so_the_api_never_registers_the_pc_twice()
    {
        var api = new FailingApi(dropConnection: true);
        using var http = Pipeline().CreateClient(Api, api);

        var failure = await Assert.ThrowsAsync<AgentException>(() =>
            new PermitApiClient(http, token: "officer-token").PairAsync("desk 3", TestContext.Current.CancellationToken));

        Assert.Equal("api-unreachable", failure.Code);
        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task Reading_a_permit_from_a_failing_api_is_tried_again_with_backoff_before_the_agent_gives_up()
    {
        var pipeline = Pipeline();
        var api = new FailingApi(HttpStatusCode.BadGateway);
        using var http = pipeline.CreateClient(Api, api);

        var failure = await Assert.ThrowsAsync<AgentException>(() =>
            new PermitApiClient(http, token: "officer-token").GetPermitAsync("330211202600000019", TestContext.Current.CancellationToken));

        Assert.Equal(ExitCodes.ApiUnavailable, failure.ExitCode);
        Assert.Equal(1 + pipeline.MaxRetries, api.Calls);
    }

    [Fact]
    public async Task A_personalization_call_with_an_idempotency_key_is_repeated_with_the_same_body_and_key()
    {
        var pipeline = Pipeline();
        var api = new FailingApi(dropConnection: true);
        using var http = pipeline.CreateClient(Api, api);

        await Assert.ThrowsAsync<AgentException>(() => new PermitApiClient(http, token: "ticket").PrepareAsync(
            "330211202600000019", 1, "0102030405060708", [1, 2, 3], TestContext.Current.CancellationToken));

        Assert.Equal(1 + pipeline.MaxRetries, api.Calls);
        Assert.Single(api.Bodies.Distinct());
        Assert.Single(api.IdempotencyKeys.Distinct());
        Assert.NotNull(api.IdempotencyKeys[0]);
    }

    [Fact]
    public async Task A_revocation_list_download_that_fails_once_succeeds_on_the_next_attempt()
    {
        var api = new FailingApi(HttpStatusCode.ServiceUnavailable) { FailuresBeforeSuccess = 1 };
        using var http = Pipeline().CreateClient(Api, api);

        var list = await new PermitApiClient(http, token: null).GetRevocationListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(FailingApi.SuccessBody, list);
        Assert.Equal(2, api.Calls);
    }

    [Fact]
    public async Task An_api_that_keeps_failing_is_rested_and_the_agent_says_so_without_calling_it()
    {
        var pipeline = Pipeline();
        var api = new FailingApi(HttpStatusCode.InternalServerError);
        using var http = pipeline.CreateClient(Api, api);
        var client = new PermitApiClient(http, token: null);

        AgentException? failure = null;
        for (var i = 0; i < 5 && failure?.Code != "api-unavailable"; i++)
            failure = await Assert.ThrowsAsync<AgentException>(() => client.GetRevocationListAsync(TestContext.Current.CancellationToken));
        var callsWhenOpened = api.Calls;
        var rested = await Assert.ThrowsAsync<AgentException>(() => client.GetRevocationListAsync(TestContext.Current.CancellationToken));

        Assert.Equal("api-unavailable", rested.Code);
        Assert.Equal(ExitCodes.ApiUnavailable, rested.ExitCode);
        Assert.Contains("failed several times in a row", rested.Message, StringComparison.Ordinal);
        Assert.Equal(callsWhenOpened, api.Calls);
    }

    [Fact]
    public void Only_reads_and_idempotency_keyed_calls_count_as_safe_to_repeat()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "api/trust-list");
        using var post = new HttpRequestMessage(HttpMethod.Post, "api/agents");
        using var keyed = new HttpRequestMessage(HttpMethod.Post, "api/permits/1/cards/1/confirmation");
        keyed.Headers.Add(PermitApiClient.IdempotencyHeader, "permit-agent-0123");

        Assert.True(ApiResilience.MayRepeat(get));
        Assert.False(ApiResilience.MayRepeat(post));
        Assert.True(ApiResilience.MayRepeat(keyed));
    }

    /// <summary>An API that answers every call with a failure (a status or a dropped connection), counting the calls.</summary>
    private sealed class FailingApi(HttpStatusCode status = HttpStatusCode.ServiceUnavailable, bool dropConnection = false) : HttpMessageHandler
    {
        public static readonly byte[] SuccessBody = [0xD2, 0x84, 0x43];

        private int _calls;

        public int Calls => _calls;

        public int FailuresBeforeSuccess { get; init; } = int.MaxValue;

        public List<string> Bodies { get; } = [];

        public List<string?> IdempotencyKeys { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            lock (Bodies)
            {
                IdempotencyKeys.Add(request.Headers.TryGetValues(PermitApiClient.IdempotencyHeader, out var keys) ? keys.Single() : null);
            }

            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Bodies)
                Bodies.Add(body);
            if (call > FailuresBeforeSuccess)
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(SuccessBody) };
            if (dropConnection)
                throw new HttpRequestException("Connection reset by peer (test)");
            return new HttpResponseMessage(status) { Content = new StringContent("{}", Encoding.UTF8, "application/problem+json") };
        }
    }
}
