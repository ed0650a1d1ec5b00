using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Npgsql;
using Permit.Api.Security.Admin;
using Permit.Api.Security.Fields;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.Tokens;
using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Deployment;

/// <summary>
/// The acceptance test of a deployment: two API nodes on one PostgreSQL database, clients spread over both.
/// <c>PERMIT_TWO_NODE_SECONDS</c> shortens the 60 s load for a local run.
/// </summary>
public sealed partial class TwoNodeTests
{
    private const string Password = "correct horse battery staple";
    private const int Workers = 100;
    private static readonly string[] Health = ["Health"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_on_one_database_serve_100_concurrent_clients_share_sessions_and_honour_each_others_revocations()
    {
        var server = TestProviders.PostgresServer();
        var name = $"permit_nodes_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 60 }.ConnectionString;
        var keys = Directory.CreateTempSubdirectory("permit-nodes-keys-");
        try
        {
            // Each node on real Kestrel at a loopback port, on the one database and the one TEST key directory: what a
            // second machine behind the proxy would be, minus the machine.
            var node = new TestHostOptions
            {
                Provider = DatabaseProvider.Postgres,
                Clock = null,
                Kestrel = true,
                SharedConnectionString = connectionString,
                SharedKeyDirectory = Path.Combine(keys.FullName, "keys"),
                Settings = new Dictionary<string, string?>
                {
                    ["Serilog:MinimumLevel:Default"] = "Warning",
                    // The limits stay on (a designed 429 is an allowed answer), raised so most sign-ins get through from one address.
                    ["RateLimits:Enabled"] = "true",
                    ["RateLimits:SignInPerAddress:PermitLimit"] = "300",
                    ["RateLimits:SignInPerUserName:PermitLimit"] = "120",
                },
            };
            await using var first = new PermitTestHost(node); // started: migrates the database and makes the shared session key
            await using var second = new PermitTestHost(node);
            PermitTestHost[] nodes = [first, second];
            await ArrangeOfficersAsync(first, connectionString);

            // A cookie issued by one node opens the other.
            var cookies = new CookieContainer();
            using (var browserOnFirst = first.NetworkClient(cookies))
                await SignInOnPageAsync(browserOnFirst);
            using (var browserOnSecond = second.NetworkClient(cookies))
            using (var me = await browserOnSecond.GetAsync(new Uri("/api/officers/me", UriKind.Relative), Ct))
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);

            // 100 concurrent writers and readers for 60 s, each write on one node and its audited read on the other.
            var outcome = await LoadAsync(nodes);
            Assert.True(outcome.Succeeded > 0, "No request succeeded.");
            Assert.True(outcome.Errors.IsEmpty, $"{outcome.Errors.Count} errors, e.g. {string.Join(" | ", outcome.Errors.Take(5))}");

            // The audit chain written by both nodes verifies.
            using var admin = await TokenClientAsync(first, "root");
            var verification = await admin.GetFromJsonAsync<AuditVerification>("/api/audit/verify", Ct);
            Assert.Null(verification!.FirstBroken);

            // A terminal revoked on one node is refused by the other within 5 s.
            using var created = await admin.PostAsJsonAsync("/api/admin/terminals", new { name = "Town Clinic", categories = Health }, Ct);
            var terminal = (await created.Content.ReadFromJsonAsync<TerminalCreated>(Ct))!;
            using var counterOnSecond = second.NetworkClient();
            counterOnSecond.DefaultRequestHeaders.Add("X-Api-Key", terminal.ApiKey);
            using (var before = await counterOnSecond.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct))
                Assert.Equal(HttpStatusCode.OK, before.StatusCode); // now remembered by the second node
            using (var revoke = await admin.PostAsync(new Uri($"/api/admin/terminals/{terminal.Id}/revocation", UriKind.Relative), null, Ct))
                Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(5), Ct);
            using var after = await counterOnSecond.GetAsync(new Uri("/api/terminals/me", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestProviders.DropPostgresDatabaseAsync(server, name);
            keys.Delete(recursive: true);
        }
    }

    private static async Task<LoadOutcome> LoadAsync(PermitTestHost[] nodes)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PERMIT_TWO_NODE_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        var outcome = new LoadOutcome();
        var tokens = new[]
        {
            await TokenAsync(nodes[0], "registrar0"),
            await TokenAsync(nodes[1], "registrar1"),
        };
        var clients = nodes.Select(n =>
        {
            var client = n.NetworkClient();
            return client;
        }).ToArray();
        var counter = -1;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var iteration = 0; DateTimeOffset.UtcNow < deadline && outcome.Errors.Count < 20; iteration++)
            {
                var writer = (worker + iteration) % 2;
                var reader = 1 - writer;
                if (iteration % 5 == 0)
                {
                    using var signIn = await clients[writer].PostAsJsonAsync("/api/auth/token", new { userName = $"registrar{writer}", password = Password }, Ct);
                    outcome.Record($"sign-in@{writer}", signIn.StatusCode);
                }

                var n = Interlocked.Increment(ref counter);
                var birth = new DateOnly(1970, 1, 1).AddDays(n / 450);
                var idNumber = DeskData.IdNumber("330211" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                    + ((n % 450 * 2) + 1).ToString("000", CultureInfo.InvariantCulture));
                using var resident = Send(HttpMethod.Post, "/api/residents/from-id-card", tokens[writer],
                    DeskData.IdCard(idNumber, birthDate: birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
                using var createdResident = await clients[writer].SendAsync(resident, Ct);
                outcome.Record($"resident@{writer}", createdResident.StatusCode);
                if (!createdResident.IsSuccessStatusCode)
                    continue;
                var residentId = (await createdResident.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

                using var registration = Send(HttpMethod.Post, "/api/registrations", tokens[writer], new
                {
                    residentId,
                    address = "浙江省宁波市镇海区骆驼街道中街1号",
                    communityCode = "330211003001",
                    arrivalDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10).ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                    basis = "residence",
                    evidence = "租赁登记 2026-17",
                    employerOrLandlord = "房东 陈先生",
                });
                using var registered = await clients[writer].SendAsync(registration, Ct);
                outcome.Record($"registration@{writer}", registered.StatusCode);

                using var lookup = Send(HttpMethod.Get, $"/api/residents/{residentId}", tokens[reader], body: null);
                using var read = await clients[reader].SendAsync(lookup, Ct);
                outcome.Record($"lookup@{reader}", read.StatusCode);
            }
        }, Ct)));

        foreach (var client in clients)
            client.Dispose();
        return outcome;
    }

    private static HttpRequestMessage Send(HttpMethod method, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return request;
    }

    private static async Task ArrangeOfficersAsync(PermitTestHost node, string connectionString)
    {
        await using var db = PermitDatabase.CreateContext(DatabaseProvider.Postgres, connectionString, node.Services.GetRequiredService<CitizenIdProtector>());
        var hash = PasswordHasher.Hash(Password, 1000);
        db.Add(OfficerAccount.Create("root", "Root", OfficerRole.Admin, hash, DateTimeOffset.UtcNow));
        db.Add(OfficerAccount.Create("registrar0", "Registrar 0", OfficerRole.Registrar, hash, DateTimeOffset.UtcNow));
        db.Add(OfficerAccount.Create("registrar1", "Registrar 1", OfficerRole.Registrar, hash, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(Ct);
    }

    private static async Task SignInOnPageAsync(HttpClient browser)
    {
        var page = await browser.GetStringAsync(new Uri("/signin", UriKind.Relative), Ct);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "registrar0",
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await browser.PostAsync(new Uri("/signin", UriKind.Relative), form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<string> TokenAsync(PermitTestHost node, string userName)
    {
        using var client = node.NetworkClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedToken>(Ct))!.AccessToken;
    }

    private static async Task<HttpClient> TokenClientAsync(PermitTestHost node, string userName)
    {
        var client = node.NetworkClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(node, userName));
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private sealed class LoadOutcome
    {
        private int _succeeded;

        public int Succeeded => _succeeded;

        public ConcurrentQueue<string> Errors { get; } = new();

        public ConcurrentDictionary<string, int> Statuses { get; } = new();

        public void Record(string what, HttpStatusCode status)
        {
            Statuses.AddOrUpdate($"{what} {(int)status}", 1, (_, count) => count + 1);
            if ((int)status is >= 200 and < 300)
                Interlocked.Increment(ref _succeeded);
            else if (status != HttpStatusCode.TooManyRequests)
                Errors.Enqueue($"{what} {(int)status}");
        }
    }
}
