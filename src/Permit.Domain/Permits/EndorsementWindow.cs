using System.Globalization;

namespace Permit.Domain.Permits;

/// <summary>
/// The days on which a permit's yearly endorsement is accepted: "the month before each full year", i.e.
/// [<c>ValidUntil + 1 day − 1 month</c>, <c>ValidUntil</c>], both inclusive. <c>ValidUntil + 1 day</c> is the anniversary,
/// so an anniversary on 31 March opens the window on 28 (or 29) February, and one on 30 March on 28/29 February too.
/// </summary>
public readonly record struct EndorsementWindow(DateOnly Opens, DateOnly Closes)
{
    public static EndorsementWindow EndingOn(DateOnly validUntil) => new(validUntil.AddDays(1).AddMonths(-1), validUntil);

    public bool Contains(DateOnly day) => Opens <= day && day <= Closes;

    /// <summary>
    /// The latest <c>ValidUntil</c> whose window contains <paramref name="day"/>: a window is open on <paramref name="day"/>
    /// exactly when <c>day ≤ ValidUntil ≤ </c> this, so a database can count open windows by a range on the column.
    /// (The opening day only moves forward as <c>ValidUntil</c> does; month ends clamp, so a few anniversaries share one.)
    /// </summary>
    public static DateOnly LatestClosingOpenOn(DateOnly day)
    {
        var validUntil = day.AddMonths(1).AddDays(-1);
        while (EndingOn(validUntil.AddDays(1)).Contains(day))
            validUntil = validUntil.AddDays(1);
        return validUntil;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Opens:yyyy-MM-dd} to {Closes:yyyy-MM-dd}");
}
