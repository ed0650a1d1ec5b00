namespace Permit.Documents.Cards;

/// <summary>Sex as coded by GB/T 2261.1 (the values stored on the card).</summary>
public enum Sex
{
    Unknown = 0,
    Male = 1,
    Female = 2,
    Unspecified = 9,
}

internal static class SexLabels
{
    public static string Chinese(this Sex sex) => sex switch
    {
        Sex.Male => "男",
        Sex.Female => "女",
        Sex.Unspecified => "未说明",
        _ => "未知",
    };
}
