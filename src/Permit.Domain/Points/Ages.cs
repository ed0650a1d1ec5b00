namespace Permit.Domain.Points;

public static class Ages
{
    /// <summary>
    /// Age in full years (周岁) on <paramref name="date"/>. Someone born on 29 February turns a year older on
    /// 1 March in common years: a birthday is reached only once its month and day have arrived, and 28 February is
    /// before 29 February.
    /// </summary>
    public static int FullYearsOn(DateOnly birthDate, DateOnly date)
    {
        if (date < birthDate)
            throw new DomainException(PointsProfile.InvalidCode, "The assessment date is before the birth date.");
        var years = date.Year - birthDate.Year;
        var birthdayReached = date.Month > birthDate.Month || (date.Month == birthDate.Month && date.Day >= birthDate.Day);
        return birthdayReached ? years : years - 1;
    }

    /// <summary>
    /// Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (e.g. residence months since
    /// registration). A month is complete on the same day of a later month, or on that month's last day when it is
    /// shorter: 31 January to 28 February is one month. This matches <see cref="DateOnly.AddMonths"/>, which the
    /// entitlement waiting periods use.
    /// </summary>
    public static int FullMonthsBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
            throw new DomainException(PointsProfile.InvalidCode, "The end date is before the start date.");
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        while (months > 0 && from.AddMonths(months) > to)
            months--;
        return months;
    }
}
