namespace Permit.Domain.SchoolAdmission;

/// <summary>
/// What a zone asks of an applicant for 积分入学 before points rank them: the parent's months of residence and of social
/// insurance in the district (from the register), an optional points floor, the child's age in whole years on 31 August
/// of the school year (the usual cut-off: 6 for the first grade of primary school), and the months the parent's current
/// permit must have been held unbroken when the application is entered.
/// </summary>
public sealed record AdmissionConditions
{
    public const string InvalidCode = "admission-conditions-invalid";

    public const string PermitTooShortCode = "admission-permit-too-short";

    public AdmissionConditions(int residenceMonths, int insuranceMonths, int minimumAge, int maximumAge, decimal? minimumPoints = null, int permitMonths = 0)
    {
        if (residenceMonths is < 0 or > 600 || insuranceMonths is < 0 or > 600 || permitMonths is < 0 or > 600)
            throw new DomainException(InvalidCode, "Months of residence, insurance and permit are 0 to 600.");
        if (minimumAge is < 0 or > 18 || maximumAge < minimumAge || maximumAge > 18)
            throw new DomainException(InvalidCode, "The age window is 0 to 18 years, its lower end not above its upper end.");
        if (minimumPoints is < 0)
            throw new DomainException(InvalidCode, "A points floor cannot be negative.");
        ResidenceMonths = residenceMonths;
        InsuranceMonths = insuranceMonths;
        MinimumAge = minimumAge;
        MaximumAge = maximumAge;
        MinimumPoints = minimumPoints;
        PermitMonths = permitMonths;
    }

    public int ResidenceMonths { get; }

    public int InsuranceMonths { get; }

    public int MinimumAge { get; }

    public int MaximumAge { get; }

    public decimal? MinimumPoints { get; }

    /// <summary>Full months the parent's current permit must have been held unbroken (active since issue) at entry.</summary>
    public int PermitMonths { get; }

    /// <summary>
    /// Refuses an application whose parent has held the current permit unbroken for fewer than <see cref="PermitMonths"/>
    /// full months, naming the shortfall so the desk can tell the family when to come back.
    /// </summary>
    public void RequirePermitHeld(int heldMonths)
    {
        if (heldMonths >= PermitMonths)
            return;
        var details = new Dictionary<string, string>
        {
            ["heldMonths"] = heldMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["requiredMonths"] = PermitMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["shortMonths"] = (PermitMonths - heldMonths).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        throw new DomainException(PermitTooShortCode,
            $"The parent's permit has been held unbroken for {heldMonths} months; the round needs {PermitMonths}: {PermitMonths - heldMonths} months short.",
            details);
    }

    /// <summary>The child's age in whole years on 31 August of <paramref name="schoolYear"/> (the year the school year starts).</summary>
    public static int AgeOnCutOff(DateOnly birthDate, int schoolYear)
    {
        var cutOff = new DateOnly(schoolYear, 8, 31);
        var age = cutOff.Year - birthDate.Year;
        return birthDate.AddYears(age) > cutOff ? age - 1 : age;
    }
}
