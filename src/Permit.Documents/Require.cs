namespace Permit.Documents;

/// <summary>Guards for the input records, so that a record that exists can always be rendered.</summary>
internal static class Require
{
    public static string Text(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} must not be empty.", name);
        return value.Trim();
    }

    public static string Length(string value, int length, string name)
    {
        var text = Text(value, name);
        return text.Length == length ? text : throw new ArgumentException($"{name} must be {length} characters long.", name);
    }
}
