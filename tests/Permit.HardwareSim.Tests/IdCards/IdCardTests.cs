using System.Text;
using Permit.HardwareSim.IdCards;

namespace Permit.HardwareSim.Tests.IdCards;

public sealed class IdCardTests : IDisposable
{
    private const string SelectIdApplication = "00 A4 04 00 08 F0 49 44 43 41 52 44 01 00";
    private const string SelectText = "00 A4 02 0C 02 00 01";
    private const string SelectPhoto = "00 A4 02 0C 02 00 02";
    private const string SelectFingerprint = "00 A4 02 0C 02 00 03";

    private readonly TempFolder _folder = new();

    internal static IdCardData Resident(string cardType = "resident") => new()
    {
        Name = "张三",
        Sex = "1",
        EthnicGroup = "01",
        BirthDate = "19900307",
        Address = "浙江省宁波市海曙区中山西路1号",
        IdNumber = "33020319900307123X",
        IssuingAuthority = "宁波市公安局海曙分局",
        ValidFrom = "20200101",
        ValidTo = "20400101",
        CardType = cardType,
    };

    [Fact]
    public void The_text_block_holds_each_field_in_UCS2_little_endian_at_the_spec_offsets_padded_with_spaces()
    {
        var block = IdCardTextBlock.Encode(Resident());

        Assert.Equal(256, block.Length);
        Assert.Equal("张三" + new string(' ', 13), Field(block, 0, 30));
        Assert.Equal("1", Field(block, 30, 2));
        Assert.Equal("01", Field(block, 32, 4));
        Assert.Equal("19900307", Field(block, 36, 16));
        Assert.StartsWith("浙江省宁波市海曙区中山西路1号 ", Field(block, 52, 70), StringComparison.Ordinal);
        Assert.Equal("33020319900307123X", Field(block, 122, 36));
        Assert.StartsWith("宁波市公安局海曙分局", Field(block, 158, 30), StringComparison.Ordinal);
        Assert.Equal("20200101", Field(block, 188, 16));
        Assert.Equal("20400101", Field(block, 204, 16));
        Assert.Equal(new string(' ', 18), Field(block, 220, 36));
        Assert.Equal("20 00", Hex.Format(block.AsSpan(248, 2)));
    }

    [Theory]
    [InlineData("foreigner", "49 00")]
    [InlineData("hmt", "4A 00")]
    [InlineData("resident", "20 00")]
    public void The_card_type_is_the_character_at_bytes_248_and_249(string cardType, string expected) =>
        Assert.Equal(expected, Hex.Format(IdCardTextBlock.Encode(Resident(cardType)).AsSpan(248, 2)));

    [Fact]
    public void A_long_term_card_says_长期_in_valid_to() =>
        Assert.Equal("长期      ", Field(IdCardTextBlock.Encode(Resident() with { ValidTo = "长期" }), 204, 16));

    [Fact]
    public void Dates_written_with_dashes_are_stored_as_YYYYMMDD() =>
        Assert.Equal("19900307", Field(IdCardTextBlock.Encode(Resident() with { BirthDate = "1990-03-07" }), 36, 16));

    [Fact]
    public void A_name_longer_than_15_characters_is_refused_rather_than_cut() =>
        Assert.Throws<InvalidDataException>(() => IdCardTextBlock.Encode(Resident() with { Name = new string('名', 16) }));

    [Theory]
    [InlineData("3")]
    [InlineData("x")]
    public void A_sex_other_than_1_or_2_is_refused(string sex) =>
        Assert.Throws<InvalidDataException>(() => IdCardTextBlock.Encode(Resident() with { Sex = sex }));

    [Fact]
    public void Reading_EF_0001_with_Le_00_answers_the_256_byte_text_block_and_9000()
    {
        var terminal = new Terminal(new IdCard(IdCardTextBlock.Encode(Resident()), [0xFF, 0xD8]));
        Assert.Equal("90 00", terminal.Send(SelectIdApplication));
        Assert.Equal("90 00", terminal.Send(SelectText));

        var response = terminal.SendBytes("00 B0 00 00 00");

        Assert.Equal(258, response.Length);
        Assert.Equal(IdCardTextBlock.Encode(Resident()), response[..256]);
        Assert.Equal("90 00", Hex.Format(response.AsSpan(256)));
        Assert.Equal("6B 00", terminal.Send("00 B0 01 00 00"));
    }

    [Fact]
    public void The_photo_is_read_as_given_and_its_end_is_found_by_6282()
    {
        var photo = Enumerable.Range(0, 1024).Select(i => (byte)(i * 7)).ToArray();
        var terminal = new Terminal(new IdCard(IdCardTextBlock.Encode(Resident()), photo));
        terminal.Send(SelectIdApplication);
        terminal.Send(SelectPhoto);

        var read = new List<byte>();
        for (var offset = 0; ; offset += 0xF0)
        {
            var response = terminal.SendBytes($"00 B0 {offset >> 8:X2} {offset & 0xFF:X2} F0");
            read.AddRange(response[..^2]);
            if (Hex.Format(response.AsSpan(response.Length - 2)) == "62 82")
            {
                break;
            }
        }

        Assert.Equal(photo, read);
    }

    [Fact]
    public void A_card_without_a_fingerprint_has_no_EF_0003()
    {
        var terminal = new Terminal(new IdCard(IdCardTextBlock.Encode(Resident()), []));
        terminal.Send(SelectIdApplication);
        Assert.Equal("6A 82", terminal.Send(SelectFingerprint));
    }

    [Fact]
    public void A_card_with_a_fingerprint_has_EF_0003()
    {
        var terminal = new Terminal(new IdCard(IdCardTextBlock.Encode(Resident()), [], new byte[1024]));
        terminal.Send(SelectIdApplication);
        Assert.Equal("90 00", terminal.Send(SelectFingerprint));
        Assert.EndsWith("90 00", terminal.Send("00 B0 00 00 00"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_ID_card_answers_SELECT_and_READ_BINARY_errors_like_the_permit_card()
    {
        var terminal = new Terminal(new IdCard(IdCardTextBlock.Encode(Resident()), []));
        Assert.Equal("69 85", terminal.Send("00 B0 00 00 00"));
        Assert.Equal("69 86", terminal.Send(SelectText));
        Assert.Equal("6A 82", terminal.Send("00 A4 04 00 08 F0 50 45 52 4D 49 54 01 00"));
        terminal.Send(SelectIdApplication);
        Assert.Equal("69 86", terminal.Send("00 B0 00 00 00"));
        Assert.Equal("6A 82", terminal.Send("00 A4 02 0C 02 01 01"));
        terminal.Send(SelectPhoto);
        Assert.Equal("6B 00", terminal.Send("00 B0 00 00 00"));
        Assert.Equal("6E 00", terminal.Send("80 B0 00 00 00"));
        Assert.Equal("6D 00", terminal.Send("00 D6 00 00 01 00"));
    }

    [Fact]
    public void A_card_is_built_from_its_JSON_file_and_photo_file()
    {
        File.WriteAllText(_folder.File("id.json"), """
            {"name":"李四","sex":"female","ethnicGroup":"03","birthDate":"1985-12-01","address":"宁波市江北区","idNumber":"330205198512010028",
             "issuingAuthority":"宁波市公安局江北分局","validFrom":"20100101","validTo":"长期","cardType":"resident"}
            """);
        File.WriteAllBytes(_folder.File("photo.jpg"), [0xFF, 0xD8, 0xFF, 0xE0]);

        var terminal = new Terminal(IdCard.FromFiles(_folder.File("id.json"), _folder.File("photo.jpg")));
        terminal.Send(SelectIdApplication);
        terminal.Send(SelectPhoto);

        Assert.Equal("FF D8 FF E0 62 82", terminal.Send("00 B0 00 00 00"));
    }

    [Fact]
    public void A_JSON_file_missing_a_field_is_refused_with_a_reason()
    {
        File.WriteAllText(_folder.File("id.json"), """{"name":"李四"}""");
        Assert.Throws<InvalidDataException>(() => IdCard.FromFiles(_folder.File("id.json")));
    }

    private static string Field(byte[] block, int offset, int length) => Encoding.Unicode.GetString(block, offset, length);

    public void Dispose() => _folder.Dispose();
}
