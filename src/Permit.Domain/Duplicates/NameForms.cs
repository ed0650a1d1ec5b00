using System.Text;

namespace Permit.Domain.Duplicates;

/// <summary>
/// How one name can be written several ways without being another name (docs/duplicates.md, "Names"): full-width and
/// half-width forms (NFKC), spaces, the middle dot of transcribed names (·, ・, •, ‧, ･), Latin letter case, and the
/// traditional form of characters common in Chinese names. <see cref="Canonical"/> folds all of them away; two names
/// with the same canonical form are the same name written differently.
/// </summary>
public static class NameForms
{
    // Traditional → simplified for characters common in surnames and given names. One way only: a simplified name is
    // never "traditionalised", and characters whose simplification depends on the word (乾/幹, 髮/發, 於) are left out.
    private const string Traditional =
        "張陳劉楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭蔣葉蘇呂盧鍾譚陸賈韋鄒閻賀顧龔萬錢嚴湯魯齊歐陽衛"
        + "偉華國軍紅麗靜強艷傑濤剛輝鵬飛寧龍東雲蘭鳳義長興慶榮貴進學寶順樂聖億語詩書夢嬌鳴實賢聰穎禮瑩瓊鋒銀鐵鋼錦綠純維"
        + "嶺歡懷憶愛韻顯鷹鶴麥團園圓豐濱潔澤灣瀾蓮藝傳倫僑凱劍勝勳師廣彥應戰曉暉樹橋權漢潤燦爾環瑤畢碩禎穩經統絲聲莊"
        + "親觀謙謹貞財賓躍軒轉農運達遠選邁鈞鈺錫鍵鎮門開間陽際雙離電靈頂頌領顏風養館駿騰鮮鳥鴻黨齡餘";

    private const string Simplified =
        "张陈刘杨黄赵吴孙马罗郑谢许韩冯邓萧蒋叶苏吕卢钟谭陆贾韦邹阎贺顾龚万钱严汤鲁齐欧阳卫"
        + "伟华国军红丽静强艳杰涛刚辉鹏飞宁龙东云兰凤义长兴庆荣贵进学宝顺乐圣亿语诗书梦娇鸣实贤聪颖礼莹琼锋银铁钢锦绿纯维"
        + "岭欢怀忆爱韵显鹰鹤麦团园圆丰滨洁泽湾澜莲艺传伦侨凯剑胜勋师广彦应战晓晖树桥权汉润灿尔环瑶毕硕祯稳经统丝声庄"
        + "亲观谦谨贞财宾跃轩转农运达远选迈钧钰锡键镇门开间阳际双离电灵顶颂领颜风养馆骏腾鲜鸟鸿党龄余";

    private static readonly Dictionary<char, char> ToSimplified = BuildTable();

    private static readonly HashSet<char> MiddleDots = ['\u00B7', '\u30FB', '\u2022', '\u2027', '\uFF65', '\u2E31', '.', '-'];

    /// <summary>The name with every variant of <see cref="NameForms"/> folded away; compare these, never show them.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Normalize(NormalizationForm.FormKC);
        var text = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || MiddleDots.Contains(c))
                continue;
            text.Append(ToSimplified.TryGetValue(c, out var simple) ? simple : char.ToUpperInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>What separates two names that share a canonical form (<see cref="NameVariance.None"/> when written identically).</summary>
    public static NameVariance Variance(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var variance = NameVariance.None;
        var a = first.Normalize(NormalizationForm.FormKC);
        var b = second.Normalize(NormalizationForm.FormKC);
        if (!string.Equals(a, first, StringComparison.Ordinal) || !string.Equals(b, second, StringComparison.Ordinal))
            variance |= NameVariance.Width;
        if (!string.Equals(Kept(a, char.IsWhiteSpace), Kept(b, char.IsWhiteSpace), StringComparison.Ordinal))
            variance |= NameVariance.Spaces;
        if (!string.Equals(Kept(a, MiddleDots.Contains), Kept(b, MiddleDots.Contains), StringComparison.Ordinal))
            variance |= NameVariance.MiddleDot;
        var bareA = Kept(a, c => !char.IsWhiteSpace(c) && !MiddleDots.Contains(c));
        var bareB = Kept(b, c => !char.IsWhiteSpace(c) && !MiddleDots.Contains(c));
        if (!string.Equals(bareA.ToUpperInvariant(), bareB.ToUpperInvariant(), StringComparison.Ordinal))
            variance |= NameVariance.TraditionalForm;
        else if (!string.Equals(bareA, bareB, StringComparison.Ordinal))
            variance |= NameVariance.LetterCase;
        return variance;
    }

    private static string Kept(string text, Func<char, bool> keep) => string.Concat(text.Where(keep));

    private static Dictionary<char, char> BuildTable()
    {
        var table = new Dictionary<char, char>();
        if (Traditional.Length != Simplified.Length)
            throw new InvalidOperationException("The traditional and simplified tables must pair character by character.");
        for (var i = 0; i < Traditional.Length; i++)
            table.TryAdd(Traditional[i], Simplified[i]);
        return table;
    }
}

/// <summary>The ways two names of one person may differ in writing (flags: several at once).</summary>
[Flags]
public enum NameVariance
{
    None = 0,
    Width = 1,
    Spaces = 2,
    MiddleDot = 4,
    TraditionalForm = 8,
    LetterCase = 16,
}
