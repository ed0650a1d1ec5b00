namespace Permit.TestData;

/// <summary>
/// Five years of a district's records for <c>count</c> people, laid out as docs/legacy-import.md says: each person
/// arrived in March 2021 and moved house every year (five registrations, the last active), got a permit that October
/// (serials 1…count of 2021), endorsed it every year in its window (every tenth person once late, which restarts the
/// count), had the card replaced once (every seventh), paid social insurance from April 2021 (every fifth with a gap),
/// and holds an education level (every fourth also gave blood).
/// </summary>
public static class LegacyHistory
{
    public static string Permits(int count, DateOnly today)
    {
        var text = new StringBuilder("permitNumber,idNumber,issueDate,issuingAuthority,cardSequence,cardIssuedOn,cardSerial,endorsedOn,endedOn,endReason,endNote\r\n");
        for (var i = 0; i < count; i++)
        {
            var issued = new DateOnly(2021, 10, 10).AddDays(i % 20);
            var number = Permit.Domain.Permits.PermitNumber.Create(Permit.Domain.Regions.RegionCode.Parse("330211"), 2021, i + 1);
            var endorsements = new List<DateOnly>();
            var validUntil = issued.AddYears(1).AddDays(-1);
            var anchor = issued;
            var since = 0;
            for (var year = 1; year <= 5; year++)
            {
                DateOnly day;
                if (i % 10 == 9 && year == 3)
                {
                    day = validUntil.AddDays(30);
                    anchor = day;
                    since = 0;
                }
                else
                {
                    day = validUntil.AddDays(-10);
                    since++;
                }
                if (day > today)
                    break;
                endorsements.Add(day);
                validUntil = anchor.AddYears(since + 1).AddDays(-1);
            }
            var sequence = i % 7 == 0 ? 2 : 1;
            var cardIssued = sequence == 1 ? issued.AddDays(3) : new DateOnly(2023, 5, 8).AddDays(i % 20);
            text.Append(CultureInfo.InvariantCulture,
                $"{number.Value},{EmployerFiles.IdNumberOf(i)},{issued:yyyy-MM-dd},宁波市公安局镇海分局,{sequence},{cardIssued:yyyy-MM-dd},,{string.Join(';', endorsements.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))},,,\r\n");
        }
        return text.ToString();
    }

    public static string Covers(int count)
    {
        var text = new StringBuilder("idNumber,coveredFrom,coveredUntil,evidenceReference\r\n");
        for (var i = 0; i < count; i++)
        {
            if (i % 5 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{EmployerFiles.IdNumberOf(i)},2021-04-01,2023-12-31,社保对账单{i}-1\r\n");
                text.Append(CultureInfo.InvariantCulture, $"{EmployerFiles.IdNumberOf(i)},2024-03-01,,社保对账单{i}-2\r\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"{EmployerFiles.IdNumberOf(i)},2021-04-01,,社保对账单{i}\r\n");
            }
        }
        return text.ToString();
    }

    public static string Facts(int count)
    {
        var text = new StringBuilder("idNumber,indicator,level,quantity,evidenceReference,recordedOn,frozenUntil\r\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{EmployerFiles.IdNumberOf(i)},province.education,{(i % 3 == 0 ? "bachelor-or-higher" : "college")},,毕业证书{i},2021-11-0{1 + i % 9},\r\n");
            if (i % 4 == 0)
                text.Append(CultureInfo.InvariantCulture, $"{EmployerFiles.IdNumberOf(i)},city.blood-donation,,400,献血证{i},2022-06-1{i % 10},\r\n");
        }
        return text.ToString();
    }
}
