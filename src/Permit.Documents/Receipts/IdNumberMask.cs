namespace Permit.Documents.Receipts;

/// <summary>Masks a citizen ID number for print and logs: the first 6 and last 4 characters stay, the rest become '*'.</summary>
public static class IdNumberMask
{
    /// <summary>"330106199001011234" → "330106********1234"; a value of 10 characters or fewer is masked whole.</summary>
    public static string Mask(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var id = idNumber.Trim();
        return id.Length <= 10
            ? new string('*', id.Length)
            : string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4));
    }
}
