namespace Permit.Domain.Credentials.Status;

/// <summary>A validity extension on the wire: days since 1970-01-01 as an unsigned 16-bit number, 0 for none.</summary>
internal static class StatusDays
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;

    public static ushort Encode(DateOnly? date)
    {
        if (date is not { } d)
            return 0;
        var days = d.DayNumber - Epoch;
        return days is >= 1 and <= ushort.MaxValue
            ? (ushort)days
            : throw new ArgumentOutOfRangeException(nameof(date), "A valid-until on the status list lies between 1970-01-02 and 2149-06-06.");
    }

    public static DateOnly? Decode(int days) => days == 0 ? null : DateOnly.FromDayNumber(Epoch + days);
}
