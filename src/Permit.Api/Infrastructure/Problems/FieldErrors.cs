using Permit.Domain.Common;

namespace Permit.Api.Infrastructure.Problems;

/// <summary>Field errors collected over a whole request, so the caller hears about every bad field at once.</summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Code, string Message)> _errors = [];

    public int Count => _errors.Count;

    public bool Any => _errors.Count > 0;

    public (string Field, string Code, string Message)? First => _errors.Count > 0 ? _errors[0] : null;

    public void Add(string field, string code, string message) => _errors.Add((field, code, message));

    /// <summary>
    /// Runs a value type's parse; a <see cref="DomainException"/> becomes a field error and the default comes back.
    /// This collects rather than translates: the request is answered once, naming every bad field.
    /// </summary>
    public T? Parse<T>(string field, Func<T> parse) where T : class
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return parse();
        }
        catch (DomainException e)
        {
            Add(field, e.Code, e.Message);
            return null;
        }
    }

    public IReadOnlyList<(string Field, string Code, string Message)> ToList() => _errors.AsReadOnly();

    public Dictionary<string, string[]> ToDictionary() => _errors
        .GroupBy(e => e.Field, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
