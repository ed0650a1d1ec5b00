using Permit.Domain.Identity;
using Permit.Logging;
using Serilog;
using Serilog.Core;

namespace Permit.Api.Tests.Security;

public sealed class PersonalDataMaskingTests
{
    [Fact]
    public void An_id_number_in_a_logged_request_path_is_masked_as_first_six_stars_last_four()
    {
        var sink = new CapturingSink();
        using var logger = new LoggerConfiguration().Enrich.With<PersonalDataMasking>().WriteTo.Sink(sink).CreateLogger();

        logger.Information("HTTP {RequestMethod} {RequestPath} responded {StatusCode}", "GET", "/api/residents/by-id/11010519491231002X", 404);

        var rendered = Assert.Single(sink.Lines);
        Assert.DoesNotContain("11010519491231002X", rendered, StringComparison.Ordinal);
        Assert.Contains("110105********002X", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void A_citizen_id_number_value_logs_masked_even_when_destructured()
    {
        var sink = new CapturingSink();
        using var logger = new LoggerConfiguration().Enrich.With<PersonalDataMasking>().WriteTo.Sink(sink).CreateLogger();

        logger.Information("Registered {@Holder}", new { Id = CitizenIdNumber.Parse("11010519491231002X").Value, Name = "Li" });

        Assert.DoesNotContain("11010519491231002X", Assert.Single(sink.Lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Api-Key pvk_0123456789abcdef_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0MTI", "c2VjcmV0")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "eyJ")]
    [InlineData("code 7K3M-9QXW-2HBD-R4TZ", "7K3M")]
    public void Keys_tokens_and_activation_codes_are_masked_by_shape(string text, string secretPart)
    {
        Assert.DoesNotContain(secretPart, PersonalDataMasking.MaskText(text), StringComparison.Ordinal);
    }
}
