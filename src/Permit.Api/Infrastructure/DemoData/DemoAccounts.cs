using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Permit.Api.Features.Permits;
using Permit.Api.Keys;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Passwords;
using Permit.Api.Security.Terminals;
using Permit.Domain.Entitlements;
using Permit.Domain.Regions;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// The demo's people at the doors, made once per database in Development only: a registrar and a supervisor of Zhenhai,
/// an admin, a registrar of Yinzhou (another jurisdiction),
/// a clinic's and a school's counter terminal, and a holder with an active permit, a written card and an open phone
/// account. Passwords and keys are drawn here for this database and written only to <see cref="FileName"/> (0600, in the
/// demo directory next to the database) and the start-up block, never to the log.
/// </summary>
internal static class DemoAccounts
{
    public const string FileName = "demo-accounts.txt";
    public const string CardFolder = "demo-cards";
    public const string Registrar = "demo.registrar";
    public const string Supervisor = "demo.supervisor";
    public const string Admin = "demo.admin";

    /// <summary>A registrar of another district (鄞州区), who sees none of the demo's residents.</summary>
    public const string OtherRegistrar = "demo.yinzhou";
    public const string OtherJurisdiction = "330212";
    public const string Holder = "demo.holder";
    public const string ClinicName = "镇海区骆驼街道社区卫生服务中心（演示）";
    public const string SchoolName = "镇海区骆驼街道中心学校（演示）";

    /// <summary>Crockford-style: no I, L, O, U, nothing to misread when typing it from the console.</summary>
    private const string PasswordAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>The accounts' lines (as in the file), made now if this database has none; null when they exist but the file is gone.</summary>
    public static async Task<string?> EnsureAsync(IServiceProvider services, string directory, DateOnly today, CancellationToken cancellationToken)
    {
        var file = Path.Combine(directory, FileName);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
        if (await db.Set<OfficerAccount>().AnyAsync(o => o.UserName == Registrar, cancellationToken).ConfigureAwait(false))
            return File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false) : null;

        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var hasher = scope.ServiceProvider.GetRequiredService<PasswordHasher>();
        var now = time.GetUtcNow();
        var audit = new AuditTrail(db, new DemoSeedActor(), time);
        var lines = new StringBuilder();

        // Every demo resident lives in Zhenhai, so its desk officers hold Zhenhai; the Yinzhou registrar sees none of
        // them (every resident or permit of the demo answers him 404) and shows what a jurisdiction hides.
        var zhenhai = Jurisdiction.Parse(KnownRegions.ZhenhaiCode);
        foreach (var (label, user, display, role, jurisdiction) in new[]
                 {
                     ("registrar", Registrar, "李警官（演示）", OfficerRole.Registrar, zhenhai),
                     ("supervisor", Supervisor, "赵科长（演示）", OfficerRole.Supervisor, zhenhai),
                     ("admin", Admin, "王管理员（演示）", OfficerRole.Admin, null),
                     ("registrar2", OtherRegistrar, "陈警官（演示·鄞州）", OfficerRole.Registrar, Jurisdiction.Parse(OtherJurisdiction)),
                 })
        {
            var password = NewPassword();
            var officer = OfficerAccount.Create(user, display, role, hasher.Hash(password), now, jurisdiction);
            db.Add(officer);
            audit.Record("officer.create", residentId: null,
                purpose: $"demo officer {officer.Id} as {officer.Role} of {officer.Jurisdiction ?? "all"}");
            Line(lines, label, user, "password", password, "/signin");
        }
        lines.Append(CultureInfo.InvariantCulture,
            $"  (jurisdictions: {Registrar} and {Supervisor} 330211 镇海区, {Admin} all, {OtherRegistrar} {OtherJurisdiction} 鄞州区: none of the demo's residents)\n");

        foreach (var (kind, name, category) in new[] { ("clinic", ClinicName, ServiceCategory.Health), ("school", SchoolName, ServiceCategory.Education) })
        {
            var key = ApiKey.Generate();
            db.Add(VerifierTerminal.Register(name, [category], key, now));
            audit.Record("terminal.create", residentId: null, purpose: $"demo {kind} terminal");
            Line(lines, kind, "terminal", "key", key.Value, "/counter");
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var issuerKeys = scope.ServiceProvider.GetRequiredService<IssuerKeyRing>();
        var (permit, residentId) = await DemoHolder.AddAsync(db, issuerKeys, today, now, Path.Combine(directory, CardFolder, Holder + ".card.json"), cancellationToken)
            .ConfigureAwait(false);
        var holderPassword = NewPassword();
        var (account, _) = MigrantAccount.Open(residentId, now, MigrantAccounts.ActivationValidFor);
        account.Activate(Holder, hasher.Hash(holderPassword), now);
        db.Add(account);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Line(lines, "holder", Holder, "password", holderPassword, "/me");
        lines.Append(CultureInfo.InvariantCulture, $"  ({DemoHolder.Name}, permit {permit}; her written card: \"{Holder}\" on the counter's simulated panel)\n");

        var text = lines.ToString();
        DemoFiles.WritePrivate(file, text);
        return text;
    }

    /// <summary>The password or key of <paramref name="role"/> (<c>registrar</c>, <c>clinic</c>, …) in the accounts' lines, or null.</summary>
    public static string? Secret(string? accounts, string role)
    {
        foreach (var line in (accounts ?? "").Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is [var r, _, "password" or "key", var secret, ..] && r == role)
                return secret;
        }

        return null;
    }

    private static void Line(StringBuilder lines, string role, string login, string kind, string secret, string where) =>
        lines.Append(CultureInfo.InvariantCulture, $"  {role,-11}{login,-17}{kind} {secret}  {where}\n");

    private static string NewPassword()
    {
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = PasswordAlphabet[RandomNumberGenerator.GetInt32(PasswordAlphabet.Length)];
        return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
    }

    private sealed class DemoSeedActor : IAuditActorSource
    {
        public AuditActor Current { get; } = AuditActor.System("demo-seed");
    }
}
