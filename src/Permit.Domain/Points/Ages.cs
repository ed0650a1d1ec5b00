using Permit.Domain.Common;

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
}
