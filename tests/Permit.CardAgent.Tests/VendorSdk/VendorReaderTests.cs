using Permit.CardAgent.IdCards.Vendor;
using Permit.Domain.IdCards;
using SkiaSharp;

namespace Permit.CardAgent.Tests.VendorSdk;

/// <summary>
/// The real agent (<c>read-id</c> and the served <c>/id-card/read</c>) against a vendor reader library: a C library
/// built from fake_sdt.c that exports the <c>SDT_*</c> and <c>CVR_*</c> functions and answers from fixture files.
/// </summary>
public sealed class VendorReaderTests : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];
    private InProcessAgent? _agent;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(IdCardSources.Sdt)]
    [InlineData(IdCardSources.Cvr)]
    public async Task An_id_card_on_a_vendor_reader_reads_with_its_photo_when_the_wlt_decoder_is_there(string source)
    {
        var vendor = Library(source, withDecoder: true);
        vendor.PutCard(FakeVendorLibrary.Zhang);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var card = run.Json.GetProperty("card");
        Assert.Equal("张三丰", card.GetProperty("name").GetString());
        Assert.Equal("53010219200508011X", card.GetProperty("idNumber").GetString());
        Assert.Equal("长期", card.GetProperty("validTo").GetString());
        Assert.Equal("wlt", card.GetProperty("photoFormat").GetString());
        Assert.Equal("decoded", run.Json.GetProperty("photoStatus").GetString());
        using var photo = SKBitmap.Decode(Convert.FromBase64String(run.Json.GetProperty("photo").GetString()!));
        Assert.NotNull(photo);
        Assert.Equal((102, 126), (photo.Width, photo.Height));
        // The decoder ran on this card's own block: its first bytes are the colour the fake decoder paints.
        Assert.Equal(new SKColor(0x57, 0x4C, 0x66), photo.GetPixel(50, 60));
    }

    [Theory]
    [InlineData(IdCardSources.Sdt)]
    [InlineData(IdCardSources.Cvr)]
    public async Task Without_a_wlt_decoder_the_text_still_reads_and_the_photo_is_reported_not_decodable(string source)
    {
        var vendor = Library(source);
        vendor.PutCard(FakeVendorLibrary.Zhang);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("53010219200508011X", run.Json.GetProperty("card").GetProperty("idNumber").GetString());
        Assert.Equal("not-decodable", run.Json.GetProperty("photoStatus").GetString());
        Assert.False(run.Json.TryGetProperty("photo", out _));
    }

    [Fact]
    public async Task A_photo_block_the_decoder_refuses_is_not_decodable_and_the_text_still_reads()
    {
        var vendor = Library(IdCardSources.Sdt, withDecoder: true);
        vendor.PutCard(FakeVendorLibrary.Zhang, photo: [.. "BAD!"u8, .. new byte[1020]]);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("not-decodable", run.Json.GetProperty("photoStatus").GetString());
        Assert.Equal("张三丰", run.Json.GetProperty("card").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_card_without_a_photo_block_says_the_photo_is_absent()
    {
        var vendor = Library(IdCardSources.Sdt, withDecoder: true);
        vendor.PutCard(FakeVendorLibrary.Zhang, photo: []);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("absent", run.Json.GetProperty("photoStatus").GetString());
    }

    [Theory]
    [InlineData(IdCardSources.Sdt)]
    [InlineData(IdCardSources.Cvr)]
    public async Task No_card_on_the_vendor_reader_says_so_in_plain_words_and_exits_4(string source)
    {
        var vendor = Library(source);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.Equal(ExitCodes.NoCard, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal("no-card", error.GetProperty("code").GetString());
        Assert.Contains("no ID card on the reader", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdCardSources.Sdt, "SDT_ReadBaseMsg", 0x41)]
    [InlineData(IdCardSources.Cvr, "CVR_Read_Content", 0)]
    public async Task A_card_removed_in_the_middle_of_the_read_says_to_put_it_back_and_exits_4(string source, string function, int code)
    {
        var vendor = Library(source);
        vendor.PutCard(FakeVendorLibrary.Zhang);
        vendor.Fail(function, code);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.Equal(ExitCodes.NoCard, run.ExitCode);
        var error = run.Json.GetProperty("error");
        Assert.Equal("card-removed", error.GetProperty("code").GetString());
        Assert.Contains("removed before it was read", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("53010219200508011X", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IdCardSources.Sdt)]
    [InlineData(IdCardSources.Cvr)]
    public async Task A_foreigners_permanent_residence_card_is_named_as_such_and_exits_5(string source)
    {
        var vendor = Library(source);
        vendor.PutCard(FakeVendorLibrary.Zhang, IdCardType.ForeignerPermanentResidence);

        var run = await ReadIdAsync(vendor.Settings, json: false);

        Assert.Equal(ExitCodes.WrongCard, run.ExitCode);
        Assert.Contains("foreigner", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("53010219200508011X", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_whose_port_does_not_open_says_to_plug_it_in_and_exits_3()
    {
        var vendor = Library(IdCardSources.Sdt);
        vendor.PutCard(FakeVendorLibrary.Zhang);
        vendor.Fail("SDT_OpenPort", 0x01);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.Equal(ExitCodes.NoReader, run.ExitCode);
        Assert.Equal("no-reader", run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_security_module_that_cannot_authenticate_the_card_is_refused_with_exit_6()
    {
        var vendor = Library(IdCardSources.Sdt);
        vendor.PutCard(FakeVendorLibrary.Zhang);
        vendor.Fail("SDT_SelectIDCard", 0x32);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.Equal(ExitCodes.CardRefused, run.ExitCode);
        Assert.Equal("id-card-not-authenticated", run.Json.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_return_code_no_manual_lists_is_reported_with_its_number()
    {
        var vendor = Library(IdCardSources.Sdt);
        vendor.PutCard(FakeVendorLibrary.Zhang);
        vendor.Fail("SDT_ReadBaseMsg", 0x7E);

        var run = await ReadIdAsync(vendor.Settings);

        Assert.Equal(ExitCodes.NoReader, run.ExitCode);
        Assert.Equal("vendor-error", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("SDT_ReadBaseMsg answered 0x7E", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_library_path_with_no_library_says_where_it_looked_and_exits_3()
    {
        var settings = new AgentSettings { IdCardSource = IdCardSources.Sdt, VendorLibrary = "/nonexistent/sdtapi.so" };

        var run = await ReadIdAsync(settings);

        Assert.Equal(ExitCodes.NoReader, run.ExitCode);
        Assert.Equal("vendor-library-unavailable", run.Json.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("/nonexistent/sdtapi.so", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_of_the_other_interface_is_named_as_a_configuration_mistake()
    {
        var vendor = Library(IdCardSources.Sdt);
        var settings = vendor.Settings with { VendorLibrary = vendor.DecoderPath ?? Library(IdCardSources.Sdt, withDecoder: true).DecoderPath };

        var run = await ReadIdAsync(settings);

        Assert.Equal(ExitCodes.NoReader, run.ExitCode);
        Assert.Contains("no function SDT_OpenPort", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_card_source_is_a_usage_error()
    {
        var run = await ReadIdAsync(new AgentSettings { IdCardSource = "nfc" });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("pcsc, sdt, cvr", run.Json.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_configuration_names_the_source_the_library_and_the_decoder()
    {
        var folder = Directory.CreateTempSubdirectory("permit-agent-settings-").FullName;
        File.WriteAllText(Path.Combine(folder, "appsettings.json"),
            """{"Agent":{"IdCardSource":"SDT","VendorLibrary":"C:\\Readers\\sdtapi.dll","WltDecoderLibrary":"C:\\Readers\\WltRS.dll","VendorPort":1002}}""");

        var settings = AgentSettings.Load(folder, _ => null);

        Assert.Equal((IdCardSources.Sdt, @"C:\Readers\sdtapi.dll", @"C:\Readers\WltRS.dll", 1002),
            (settings.IdCardSource, settings.VendorLibrary, settings.WltDecoderLibrary, settings.VendorPort));
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(IdCardSources.Sdt)]
    [InlineData(IdCardSources.Cvr)]
    public async Task The_served_id_card_read_with_a_ticket_gives_the_fields_and_the_decoded_photo(string source)
    {
        var vendor = Library(source, withDecoder: true);
        vendor.PutCard(FakeVendorLibrary.Zhang);
        var http = await ServeAsync(vendor.Settings);

        using var read = await http.PostAsJsonAsync("/id-card/read", new { }, Ct);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.True(read.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("53010219200508011X", body.GetProperty("card").GetProperty("idNumber").GetString());
        Assert.Equal("decoded", body.GetProperty("photoStatus").GetString());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(body.GetProperty("photo").GetString()!)[..4]);
    }

    [Fact]
    public async Task The_served_id_card_read_answers_a_card_pulled_mid_read_with_a_409_problem()
    {
        var vendor = Library(IdCardSources.Sdt);
        vendor.PutCard(FakeVendorLibrary.Zhang);
        vendor.Fail("SDT_ReadBaseMsg", 0x41);
        var http = await ServeAsync(vendor.Settings);

        using var read = await http.PostAsJsonAsync("/id-card/read", new { }, Ct);
        var problem = await read.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, read.StatusCode);
        Assert.Equal("urn:permit:card-agent:card-removed", problem.GetProperty("type").GetString());
        Assert.Equal(ExitCodes.NoCard, problem.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task The_served_read_takes_the_card_off_and_puts_another_on_between_reads()
    {
        var vendor = Library(IdCardSources.Cvr);
        vendor.PutCard(FakeVendorLibrary.Zhang);
        var http = await ServeAsync(vendor.Settings);
        using (var first = await http.PostAsJsonAsync("/id-card/read", new { }, Ct))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        vendor.TakeCardOff();
        using var second = await http.PostAsJsonAsync("/id-card/read", new { }, Ct);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);

        // The files the library wrote for the first card are never read as the next card's.
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("urn:permit:card-agent:no-card", problem.GetProperty("type").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
            await _agent.DisposeAsync();
        foreach (var owned in _owned)
            owned.Dispose();
    }

    private FakeVendorLibrary Library(string source, bool withDecoder = false)
    {
        var library = new FakeVendorLibrary(source, withDecoder);
        _owned.Add(library);
        return library;
    }

    private static Task<AgentRun> ReadIdAsync(AgentSettings settings, bool json = true) =>
        Agent.RunAsync(new AgentHost(new InProcessTerminals(), settings, TimeProvider.System), json ? ["read-id", "--json"] : ["read-id"]);

    private async Task<HttpClient> ServeAsync(AgentSettings settings)
    {
        var tickets = new TestTickets();
        _owned.Add(tickets);
        _agent = await InProcessAgent.StartAsync(new AgentHost(new InProcessTerminals(), settings with { StateDirectory = tickets.StateDirectory }, TimeProvider.System));
        var address = _agent.Address;
        var http = tickets.Client(address);
        _owned.Add(http);
        return http;
    }
}
