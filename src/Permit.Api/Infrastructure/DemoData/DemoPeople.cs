using System.Globalization;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Residents;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>Made-up people for the demo database: plausible names, home counties and valid (invented) ID numbers.</summary>
internal sealed class DemoPeople(Random random)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强", "海燕", "晓东", "丽华"];

    // Home counties of typical migrants to Ningbo (GB/T 2260), with the hukou address printed on their ID cards.
    private static readonly (string Code, string Address)[] HomeCounties =
    [
        ("342401", "安徽省六安市金安区"), ("341221", "安徽省阜阳市临泉县"), ("412722", "河南省周口市西华县"),
        ("411323", "河南省南阳市淅川县"), ("510722", "四川省绵阳市三台县"), ("513030", "四川省达州市渠县"),
        ("522121", "贵州省遵义市播州区"), ("360121", "江西省南昌市南昌县"), ("430524", "湖南省邵阳市隆回县"),
        ("500101", "重庆市万州区"), ("330226", "浙江省宁波市宁海县"), ("532101", "云南省昭通市昭阳区"),
    ];

    // Zhenhai's subdistricts and towns (docs/domain.md §5); communities extend them to 12 digits.
    private static readonly string[] Townships = ["330211001", "330211002", "330211003", "330211004", "330211005", "330211100", "330211101"];

    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    public IdentityDetails NextPerson()
    {
        var (county, address) = HomeCounties[random.Next(HomeCounties.Length)];
        CitizenIdNumber id;
        do
        {
            var birth = new DateOnly(1966, 1, 1).AddDays(random.Next(0, 38 * 365));
            var seventeen = string.Create(CultureInfo.InvariantCulture, $"{county}{birth:yyyyMMdd}{random.Next(1, 1000):000}");
            id = CitizenIdNumber.Parse(seventeen + Mod11Check.Compute(seventeen));
        }
        while (!_issued.Add(id.Value));

        var name = Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        var street = string.Create(CultureInfo.InvariantCulture, $"{address}{random.Next(1, 30)}村{random.Next(1, 200)}号");
        return new IdentityDetails(id, name, id.Sex, random.Next(10) == 0 ? EthnicGroup.Parse("06") : EthnicGroup.Han, id.BirthDate, street);
    }

    public CommunityCode NextCommunity() =>
        CommunityCode.Parse(string.Create(CultureInfo.InvariantCulture, $"{Townships[random.Next(Townships.Length)]}{random.Next(1, 13):000}"));

    public string NextLocalAddress(CommunityCode community) =>
        string.Create(CultureInfo.InvariantCulture, $"宁波市镇海区{community.TownshipName}{random.Next(1, 80)}弄{random.Next(1, 40)}号{random.Next(101, 1802)}室");
}
