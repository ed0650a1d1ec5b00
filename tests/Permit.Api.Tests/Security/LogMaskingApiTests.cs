using Microsoft.AspNetCore.TestHost;
using Serilog.Core;

namespace Permit.Api.Tests.Security;

public sealed class LogMaskingApiTests
{
    [Fact]
    public async Task A_request_carrying_an_id_number_does_not_put_it_in_the_log()
    {
        await using var api = new PermitTestHost(new TestHostOptions { Clock = DateTimeOffset.UtcNow });
        var sink = new CapturingSink();
        await using var factory = api.WithWebHostBuilder(b =>
            b.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink)));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(
            new Uri("/api/residents/by-id/11010519491231002X?idNumber=11010519491231002X", UriKind.Relative),
            TestContext.Current.CancellationToken);

        // The request line is written as the request ends, which may be just after the client has the response.
        for (var i = 0; i < 100 && !sink.Lines.Any(l => l.Contains("HTTP GET", StringComparison.Ordinal)); i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        var log = string.Join('\n', sink.Lines);
        Assert.Contains("110105********002X", log, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", log, StringComparison.Ordinal);
    }
}
