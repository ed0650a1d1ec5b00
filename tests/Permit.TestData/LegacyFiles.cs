namespace Permit.TestData;

/// <summary>Legacy files as docs/legacy-import.md lays them out: residents, and five (or more) years of registrations each.</summary>
public static class LegacyFiles
{
    public const string ResidentsHeader = "idNumber,name,ethnicGroup,hukouAddress,contact";
    public const string RegistrationsHeader = "idNumber,arrivalDate,registrationDate,address,communityCode,basis,evidence,employerOrLandlord,movedOutOn";

    public static string Residents(int count) => ResidentsHeader + "\r\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"{EmployerFiles.IdNumberOf(i)},旧系统{i % 1000},01,河南省郑州市金水区{i % 50}号,1380000{i % 10000:0000}\r\n")));

    /// <summary>Each person arrived in March 2021 and moved house every year: <paramref name="years"/> registrations, the last one active.</summary>
    public static string Registrations(int count, int years = 5)
    {
        var text = new StringBuilder(RegistrationsHeader + "\r\n");
        for (var i = 0; i < count; i++)
        {
            for (var y = 0; y < years; y++)
            {
                var arrival = new DateOnly(2021, 3, 1).AddYears(y).AddDays(i % 20);
                var movedOut = y < years - 1 ? arrival.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                text.Append(CultureInfo.InvariantCulture,
                    $"{EmployerFiles.IdNumberOf(i)},{arrival:yyyy-MM-dd},{arrival.AddDays(2):yyyy-MM-dd},镇海区骆驼街道{y + 1}号楼{i % 300}室,330211003001,employment,劳动合同{i}-{y},宁波某机械有限公司,{movedOut}\r\n");
            }
        }
        return text.ToString();
    }

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
