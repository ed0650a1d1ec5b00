using Permit.Domain.Entitlements;

namespace Permit.Api.Security.Accounts;

/// <summary>A school's or clinic's terminal that checks permits, limited to its service categories.</summary>
public sealed class VerifierTerminal
{
    public const int NameMaxLength = 100;

    private VerifierTerminal()
    {
        Name = ApiKeyPrefix = ApiKeyHash = CategoryList = null!;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Comma-separated <see cref="ServiceCategory"/> names, as stored.</summary>
    public string CategoryList { get; private set; }

    public IReadOnlyList<ServiceCategory> Categories =>
        [.. CategoryList.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ServiceCategory>)];

    public string ApiKeyPrefix { get; private set; }

    /// <summary>SHA-256 of the API key, lower-case hex.</summary>
    public string ApiKeyHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Changes when the terminal is revoked, so a counter page's cookie signed in with its key ends too.</summary>
    public string SecurityStamp { get; private set; } = OfficerAccount.NewStamp();

    public static VerifierTerminal Register(string name, IEnumerable<ServiceCategory> categories, Terminals.ApiKey key, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(key);
        var list = categories.Distinct().Order().ToList();
        if (list.Count == 0 || list.Any(c => !Enum.IsDefined(c)))
            throw new ArgumentException("A terminal serves at least one known service category.", nameof(categories));
        return new VerifierTerminal
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            CategoryList = string.Join(',', list),
            ApiKeyPrefix = key.Prefix,
            ApiKeyHash = Terminals.ApiKey.HashOf(key.Value),
            CreatedAt = now,
        };
    }

    public void Revoke(DateTimeOffset now)
    {
        RevokedAt ??= now;
        SecurityStamp = OfficerAccount.NewStamp();
    }
}
