using Npgsql;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Status;

namespace Permit.Api.Tests.Features.Credentials;

/// <summary>
/// Two API nodes on one database: each keeps the status list it served in memory, and a card reported lost through one
/// node must be on the very next list the other serves (the status change marker both read, not anything in memory).
/// </summary>
public sealed class StatusListNodesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_card_reported_lost_on_one_node_is_on_the_next_status_and_revocation_lists_the_other_node_serves(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("permit-status-nodes-");
        string? server = null;
        var database = $"permit_status_nodes_{Guid.NewGuid():N}";
        try
        {
            string connectionString;
            if (provider == DatabaseProvider.Postgres)
            {
                server = TestProviders.PostgresServer();
                connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            }
            else
            {
                connectionString = $"Data Source={Path.Combine(folder.FullName, "permit.db")}";
            }

            var node = new TestHostOptions
            {
                Provider = provider,
                SharedConnectionString = connectionString,
                SharedKeyDirectory = Path.Combine(folder.FullName, "keys"),
            };
            await using var first = new PermitTestHost(node);
            using var officer = first.Officer();
            var number = await RevocationListApiTests.IssuedCardAsync(first, officer);
            await using var second = new PermitTestHost(node);
            using var verifier = second.CreateClient();
            var trust = await TrustList.VerifiedTrustList.ReadAsync(second.Services, verifier);

            // The second node serves (and so keeps in memory) a list made before the card was lost.
            var held = await StatusListAsync(verifier, trust);
            var heldV1 = await RevocationListAsync(verifier, trust);
            using var lost = await officer.PostAsync(new Uri($"/api/permits/{number}/cards/replacement", UriKind.Relative), null, Ct);
            var next = await StatusListAsync(verifier, trust);
            var nextV1 = await RevocationListAsync(verifier, trust);
            var again = await StatusListAsync(verifier, trust);

            Assert.False(held.IsRevoked(number, 1));
            Assert.False(heldV1.IsRevoked(number, 1));
            Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
            Assert.True(next.Number > held.Number);
            Assert.True(next.IsRevoked(number, 1));
            Assert.True(nextV1.IsRevoked(number, 1));
            // Nothing changed since: the same list again, not one more.
            Assert.Equal(next.Number, again.Number);
        }
        finally
        {
            if (server is not null)
                await TestProviders.DropPostgresDatabaseAsync(server, database);
            else
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<StatusList> StatusListAsync(HttpClient client, Domain.Credentials.Trust.TrustList trust)
    {
        using var response = await client.GetAsync(new Uri("/api/status-list", UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        var read = StatusListCodec.Read(await response.Content.ReadAsByteArrayAsync(Ct), trust);
        Assert.True(read.IsValid, read.Error);
        return read.Value!;
    }

    private static async Task<RevocationList> RevocationListAsync(HttpClient client, Domain.Credentials.Trust.TrustList trust)
    {
        using var response = await client.GetAsync(new Uri("/api/revocation-list", UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        var read = RevocationListCodec.Read(await response.Content.ReadAsByteArrayAsync(Ct), trust);
        Assert.True(read.IsValid, read.Error);
        return read.List!;
    }
}
