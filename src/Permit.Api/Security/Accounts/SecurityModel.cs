namespace Permit.Api.Security.Accounts;

/// <summary>
/// Tables of officers, verifier terminals and migrant accounts. Applied explicitly by the context
/// (<c>SecurityModel.Configure(modelBuilder)</c>) rather than discovered, so the tables join the model in one deliberate step.
/// </summary>
public static class SecurityModel
{
    public const string OfficerUserNameIndex = "UX_Officers_UserName";
    public const string TerminalKeyPrefixIndex = "UX_VerifierTerminals_ApiKeyPrefix";
    public const string MigrantResidentIndex = "UX_MigrantAccounts_ResidentId";
    public const string MigrantUserNameIndex = "UX_MigrantAccounts_UserName";
    public const string MigrantActivationIndex = "UX_MigrantAccounts_ActivationCodeHash";

    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OfficerAccount>(officer =>
        {
            officer.ToTable("Officers");
            officer.HasKey(o => o.Id);
            officer.Property(o => o.Id).ValueGeneratedNever();
            officer.Property(o => o.UserName).HasMaxLength(OfficerAccount.UserNameMaxLength);
            officer.HasIndex(o => o.UserName).IsUnique().HasDatabaseName(OfficerUserNameIndex);
            officer.Property(o => o.DisplayName).HasMaxLength(OfficerAccount.DisplayNameMaxLength);
            officer.Property(o => o.PasswordHash).HasMaxLength(200).IsUnicode(false);
            officer.Property(o => o.SecurityStamp).HasMaxLength(32).IsUnicode(false);
            officer.Property(o => o.Jurisdiction).HasMaxLength(12).IsUnicode(false);
            officer.Ignore(o => o.IsActive);
        });

        modelBuilder.Entity<VerifierTerminal>(terminal =>
        {
            terminal.ToTable("VerifierTerminals");
            terminal.HasKey(t => t.Id);
            terminal.Property(t => t.Id).ValueGeneratedNever();
            terminal.Property(t => t.Name).HasMaxLength(VerifierTerminal.NameMaxLength);
            terminal.Property(t => t.CategoryList).HasMaxLength(200).IsUnicode(false);
            terminal.Ignore(t => t.Categories);
            terminal.Ignore(t => t.IsActive);
            terminal.Property(t => t.ApiKeyPrefix).HasMaxLength(Terminals.ApiKey.PrefixLength).IsUnicode(false);
            terminal.HasIndex(t => t.ApiKeyPrefix).IsUnique().HasDatabaseName(TerminalKeyPrefixIndex);
            terminal.Property(t => t.ApiKeyHash).HasMaxLength(64).IsUnicode(false);
            terminal.Property(t => t.SecurityStamp).HasMaxLength(32).IsUnicode(false);
        });

        modelBuilder.Entity<Agents.PairedAgent>(agent =>
        {
            agent.ToTable("PairedAgents");
            agent.HasKey(a => a.Id);
            agent.Property(a => a.Id).ValueGeneratedNever();
            agent.Property(a => a.Name).HasMaxLength(Agents.PairedAgent.NameMaxLength);
            agent.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
            agent.Ignore(a => a.IsPaired);
        });

        modelBuilder.Entity<MigrantAccount>(migrant =>
        {
            migrant.ToTable("MigrantAccounts");
            migrant.HasKey(m => m.Id);
            migrant.Property(m => m.Id).ValueGeneratedNever();
            migrant.HasIndex(m => m.ResidentId).IsUnique().HasDatabaseName(MigrantResidentIndex);
            migrant.Property(m => m.UserName).HasMaxLength(OfficerAccount.UserNameMaxLength);
            migrant.HasIndex(m => m.UserName).IsUnique().HasDatabaseName(MigrantUserNameIndex);
            migrant.Property(m => m.PasswordHash).HasMaxLength(200).IsUnicode(false);
            migrant.Property(m => m.ActivationCodeHash).HasMaxLength(64).IsUnicode(false);
            migrant.HasIndex(m => m.ActivationCodeHash).IsUnique().HasDatabaseName(MigrantActivationIndex);
        });
    }
}
