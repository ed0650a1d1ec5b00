using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Permit.Api.Persistence;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.Tokens;
using Permit.Api.Tests.Infrastructure;

namespace Permit.Api.Tests.Security;

/// <summary>
/// The API host with its own key directory (TEST KEYS ONLY, deleted afterwards), a controllable clock and cheap password
/// hashing, plus helpers to arrange accounts behind the API's back.
/// </summary>
public sealed class SecuredApi : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";
    private readonly PermitApiApplication _application = new();
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("permit-api-keys-");

    public SecuredApi()
    {
        Factory = _application.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Keys:Directory", Path.Combine(_keys.FullName, "keys"));
            builder.UseSetting("Security:Passwords:Iterations", "1000");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        });
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> Factory { get; }

    public string KeyDirectory => Path.Combine(_keys.FullName, "keys");

    public HttpClient CreateClient() => Factory.CreateClient();

    public PermitDbContext CreateDbContext() => _application.CreateDbContext(Factory.Services);

    public async Task<OfficerAccount> AddOfficerAsync(
        string userName, OfficerRole role, CancellationToken cancellationToken, string? jurisdiction = null)
    {
        _ = Factory.Server; // start the host so the database exists
        var officer = OfficerAccount.Create(userName, $"Officer {userName}", role, PasswordHasher.Hash(Password, 1000), Time.GetUtcNow(),
            jurisdiction is null ? null : Permit.Domain.Regions.Jurisdiction.Parse(jurisdiction));
        await using var db = CreateDbContext();
        db.Add(officer);
        await db.SaveChangesAsync(cancellationToken);
        return officer;
    }

    public async Task<HttpClient> SignedInClientAsync(string userName, OfficerRole role, CancellationToken cancellationToken)
    {
        await AddOfficerAsync(userName, role, cancellationToken);
        var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<IssuedToken>(cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _application.DisposeAsync();
        _keys.Delete(recursive: true);
    }
}
