namespace Permit.Api.Tests.Infrastructure;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_answers_healthy_when_the_database_answers()
    {
        await using var app = new PermitTestHost(new TestHostOptions { Clock = null });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Health_answers_unhealthy_when_the_database_is_gone()
    {
        await using var app = new PermitTestHost(new TestHostOptions { Clock = null });
        using var client = app.CreateClient();
        await using (var db = app.NewContext())
            await db.Database.EnsureDeletedAsync(TestContext.Current.CancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // A directory where the file was makes the database unreachable.
        Directory.CreateDirectory(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.ConnectionString).DataSource);

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_path_answers_with_problem_details()
    {
        await using var app = new PermitTestHost(new TestHostOptions { Clock = null });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
