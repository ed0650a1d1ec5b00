using Permit.Api.Features.Permits;
using Permit.Domain.Points;
using Permit.Domain.Registrations;
using Permit.Domain.Common;

namespace Permit.Api.Features.Points;

/// <summary>
/// Adds a month of social insurance and of residence to every resident who earned it, and moves the balances:
/// four set-based statements in one transaction (create missing balances, two INSERT … SELECT into the ledger, one
/// UPDATE that counts the new months and rescores every balance), never a loop over residents.
/// </summary>
/// <remarks>
/// A month is earned when it lies wholly inside a social-insurance cover (<see cref="SocialInsuranceCover"/>), or
/// wholly inside a residence registration (registered on or before its first day, not moved out before its last).
/// A resident frozen at the month's end earns nothing for it: a frozen total does not grow. The totals are scored in
/// SQL from the balance row (birth date, month counters, the fixed parts the ledger stored) with the same arithmetic
/// as <see cref="PointsCalculator"/>; <see cref="AccrualRules"/> refuses rule sets the SQL could not score exactly.
/// </remarks>
public static class MonthlyAccrual
{
    public const string Source = "monthly-accrual";

    /// <summary>
    /// Accrues <paramref name="year"/>-<paramref name="month"/>. Idempotent per (resident, indicator, period): running it
    /// again for the same month, or after a crash part-way (the transaction rolled back), never accrues a month twice;
    /// the ledger's unique accrual key (<see cref="PointsModel.AccrualKeyIndex"/>) guarantees it even against a concurrent run.
    /// Totals are recomputed as of China's date at <paramref name="now"/>, under the rule set in force that day, for
    /// every balance on that version (ages move too).
    /// </summary>
    public static Task<AccrualResult> RunAsync(PermitDbContext db, int year, int month, DateTimeOffset now, CancellationToken ct) =>
        RunMonthAsync(db, year, month, now, scoreBalances: true, ct);

    /// <summary>
    /// As <see cref="RunAsync"/>, but leaves the totals as they were (the month counters still move): a backfill of many
    /// months scores once, with its last month, instead of rewriting every balance after each month.
    /// </summary>
    public static Task<AccrualResult> RunWithoutScoringAsync(PermitDbContext db, int year, int month, DateTimeOffset now, CancellationToken ct) =>
        RunMonthAsync(db, year, month, now, scoreBalances: false, ct);

    private static async Task<AccrualResult> RunMonthAsync(PermitDbContext db, int year, int month, DateTimeOffset now, bool scoreBalances, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        now = now.ToUniversalTime();
        var today = ChinaDate.Of(now);
        if (last >= today)
            throw new ArgumentOutOfRangeException(nameof(month), $"{first:yyyy-MM} has not ended on {today:yyyy-MM-dd}; only ended months accrue.");

        var ruleSet = await RuleSetCatalogue.InForceAsync(db, today, ct);
        var rules = AccrualRules.For(ruleSet);
        var sql = new AccrualSql(db);
        var statements = new AccrualStatements(sql, rules, RuleSetCatalogue.Label(ruleSet), first, last, today, now, Guid.NewGuid());

        async Task RefreshStatisticsAsync<T>()
        {
            if (sql.RefreshStatistics<T>() is { } analyze)
                await db.Database.ExecuteSqlRawAsync(analyze, ct);
        }

        // Inside a caller's transaction (a scheduled run's period claim, see JobRunner) the statements join it and the
        // caller commits; on their own they get a transaction of their own.
        if (db.Database.CurrentTransaction is not null)
            return await AccrueAsync();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await AccrueAsync();
            await transaction.CommitAsync(ct);
            return result;
        });

        async Task<AccrualResult> AccrueAsync()
        {
            var created = await db.Database.ExecuteSqlRawAsync(statements.CreateMissingBalances(), ct);
            if (created > 0)
                await RefreshStatisticsAsync<PointsBalance>();
            // Entries this run writes get ids above this one: the counters then move by exactly those entries.
            var lastId = await db.PointsEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0;
            var insurance = rules.SocialInsurance is { } si
                ? await db.Database.ExecuteSqlRawAsync(statements.AccrueMonth(si, statements.InsuredAllMonth()), ct)
                : 0;
            var residence = rules.Residence is { } res
                ? await db.Database.ExecuteSqlRawAsync(statements.AccrueMonth(res, statements.RegisteredAllMonth()), ct)
                : 0;
            if (insurance + residence > 0)
                await RefreshStatisticsAsync<PointsEntry>();
            // The month counters move in the same pass that rescores (one rewrite per balance, not three); only balances
            // left on another rule set, which the rescoring skips, have their counters moved apart.
            // A backfill month that is not the last only counts: the balances are scored once, after its last month.
            var moved = await db.Database.ExecuteSqlRawAsync(statements.CountAndScoreBalances(lastId, scoreBalances), ct);
            var updated = scoreBalances ? moved : 0;
            if (insurance + residence > 0
                && await db.Set<PointsBalance>().IgnoreQueryFilters().AnyAsync(b => b.RuleSetVersion != statements.Label, ct))
                await db.Database.ExecuteSqlRawAsync(statements.CountNewMonthsOnOtherRuleSets(lastId), ct);
            return new AccrualResult($"{first:yyyy-MM}", RuleSetCatalogue.Label(ruleSet), created, insurance, residence, updated);
        }
    }

    /// <summary>
    /// The statements a run for <paramref name="year"/>-<paramref name="month"/> under <paramref name="ruleSet"/> would
    /// execute, in order, as text (no database is touched): for reading them, and for checking the SQL Server dialect
    /// where no server runs.
    /// </summary>
    public static IReadOnlyList<string> Statements(PermitDbContext db, PointsRuleSet ruleSet, int year, int month, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var first = new DateOnly(year, month, 1);
        now = now.ToUniversalTime();
        var rules = AccrualRules.For(ruleSet);
        var statements = new AccrualStatements(new AccrualSql(db), rules, RuleSetCatalogue.Label(ruleSet), first, first.AddMonths(1).AddDays(-1),
            ChinaDate.Of(now), now, Guid.Empty);
        return
        [
            statements.CreateMissingBalances(),
            statements.AccrueMonth(rules.SocialInsurance!, statements.InsuredAllMonth()),
            statements.AccrueMonth(rules.Residence!, statements.RegisteredAllMonth()),
            statements.CountAndScoreBalances(0),
        ];
    }

    /// <summary>The month in the accrual key (<see cref="PointsEntry.AccrualMonth"/>): <c>yyyyMM</c>.</summary>
    public static int MonthKey(DateOnly month) => (month.Year * 100) + month.Month;

    /// <summary>The indicator in the accrual key (<see cref="PointsEntry.AccrualIndicator"/>).</summary>
    public static AccrualIndicator IndicatorKey(string indicator) => indicator switch
    {
        IndicatorCodes.SocialInsurance => AccrualIndicator.SocialInsurance,
        IndicatorCodes.Residence => AccrualIndicator.Residence,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Only social insurance and residence accrue monthly."),
    };

    /// <summary>The statements of one run; all values are the run's own.</summary>
    private sealed class AccrualStatements(
        AccrualSql sql, AccrualRules rules, string label, DateOnly first, DateOnly last, DateOnly today, DateTimeOffset now, Guid run)
    {
        private string B => sql.Table<PointsBalance>();

        private string E => sql.Table<PointsEntry>();

        private string BCol(string property) => sql.Qualified<PointsBalance>(property);

        private string ECol(string property) => $"e.{sql.Column<PointsEntry>(property)}";

        private string ELit(string property, object? value) => sql.Literal<PointsEntry>(property, value);

        private string BLit(string property, object? value) => sql.Literal<PointsBalance>(property, value);

        private string NotFrozen =>
            $"NOT ({BCol(nameof(PointsBalance.Frozen))} = {BLit(nameof(PointsBalance.Frozen), true)} AND ({BCol(nameof(PointsBalance.FrozenUntil))} IS NULL OR {BCol(nameof(PointsBalance.FrozenUntil))} >= {BLit(nameof(PointsBalance.FrozenUntil), last)}))";

        public string InsuredAllMonth()
        {
            var from = $"c.{sql.Column<SocialInsuranceCover>(nameof(SocialInsuranceCover.CoveredFrom))}";
            var until = $"c.{sql.Column<SocialInsuranceCover>(nameof(SocialInsuranceCover.CoveredUntil))}";
            return $"EXISTS (SELECT 1 FROM {sql.Table<SocialInsuranceCover>()} c WHERE c.{sql.Column<SocialInsuranceCover>(nameof(SocialInsuranceCover.ResidentId))} = {{resident}}"
                + $" AND {from} <= {sql.Literal<SocialInsuranceCover>(nameof(SocialInsuranceCover.CoveredFrom), first)}"
                + $" AND ({until} IS NULL OR {until} >= {sql.Literal<SocialInsuranceCover>(nameof(SocialInsuranceCover.CoveredUntil), last)}))";
        }

        public string RegisteredAllMonth()
        {
            var registered = $"g.{sql.Column<ResidenceRegistration>(nameof(ResidenceRegistration.RegistrationDate))}";
            var movedOut = $"g.{sql.Column<ResidenceRegistration>(nameof(ResidenceRegistration.MovedOutOn))}";
            return $"EXISTS (SELECT 1 FROM {sql.Table<ResidenceRegistration>()} g WHERE g.{sql.Column<ResidenceRegistration>(nameof(ResidenceRegistration.ResidentId))} = {{resident}}"
                + $" AND {registered} <= {sql.Literal<ResidenceRegistration>(nameof(ResidenceRegistration.RegistrationDate), first)}"
                + $" AND ({movedOut} IS NULL OR {movedOut} > {sql.Literal<ResidenceRegistration>(nameof(ResidenceRegistration.MovedOutOn), last)}))";
        }

        /// <summary>A zero balance for every resident who earned a month and has none yet; the scoring pass fills it in.</summary>
        public string CreateMissingBalances()
        {
            var residentId = $"r.{sql.Column<Permit.Domain.Residents.Resident>(nameof(Permit.Domain.Residents.Resident.Id))}";
            var earned = rules.SocialInsurance is null && rules.Residence is null
                ? "1 = 0"
                : string.Join(" OR ", new[] { rules.SocialInsurance is null ? null : InsuredAllMonth(), rules.Residence is null ? null : RegisteredAllMonth() }
                    .OfType<string>().Select(c => c.Replace("{resident}", residentId, StringComparison.Ordinal)));
            string[] columns =
            [
                nameof(PointsBalance.ResidentId), nameof(PointsBalance.Total), nameof(PointsBalance.TotalHundredths), nameof(PointsBalance.Frozen),
                nameof(PointsBalance.FrozenUntil), nameof(PointsBalance.RuleSetVersion), nameof(PointsBalance.ComputedAt), nameof(PointsBalance.BirthDate),
                nameof(PointsBalance.SocialInsuranceMonths), nameof(PointsBalance.ResidenceMonths), nameof(PointsBalance.ProvinceFixedHundredths),
                nameof(PointsBalance.OtherTiersHundredths),
            ];
            return $"INSERT INTO {B} ({string.Join(", ", columns.Select(sql.Column<PointsBalance>))})"
                + $" SELECT {residentId}, 0, 0, {BLit(nameof(PointsBalance.Frozen), false)}, NULL, {BLit(nameof(PointsBalance.RuleSetVersion), label)},"
                + $" {BLit(nameof(PointsBalance.ComputedAt), now)}, r.{sql.Column<Permit.Domain.Residents.Resident>(nameof(Permit.Domain.Residents.Resident.BirthDate))}, 0, 0, 0, 0"
                + $" FROM {sql.Table<Permit.Domain.Residents.Resident>()} r"
                + $" WHERE NOT EXISTS (SELECT 1 FROM {B} b WHERE b.{sql.Column<PointsBalance>(nameof(PointsBalance.ResidentId))} = {residentId}) AND ({earned})";
        }

        /// <summary>One entry per resident who earned the month and has none for it; its points are the line's change.</summary>
        public string AccrueMonth(PerUnitRule rule, string earnedCondition)
        {
            var months = BCol(rule.Code == IndicatorCodes.SocialInsurance ? nameof(PointsBalance.SocialInsuranceMonths) : nameof(PointsBalance.ResidenceMonths));
            string[] columns =
            [
                nameof(PointsEntry.ResidentId), nameof(PointsEntry.Kind), nameof(PointsEntry.Indicator), nameof(PointsEntry.Quantity),
                nameof(PointsEntry.Level), nameof(PointsEntry.PointsHundredths), nameof(PointsEntry.Period), nameof(PointsEntry.Source),
                nameof(PointsEntry.RuleSetVersion), nameof(PointsEntry.Officer), nameof(PointsEntry.EvidenceReference), nameof(PointsEntry.CreatedAt),
                nameof(PointsEntry.ReversesEntryId), nameof(PointsEntry.FrozenUntil), nameof(PointsEntry.AccrualIndicator), nameof(PointsEntry.AccrualMonth),
                nameof(PointsEntry.AccrualRunId),
            ];
            var residentId = BCol(nameof(PointsBalance.ResidentId));
            return $"INSERT INTO {E} ({string.Join(", ", columns.Select(sql.Column<PointsEntry>))})"
                + $" SELECT {residentId}, {ELit(nameof(PointsEntry.Kind), PointsEntryKind.Accrual)}, {ELit(nameof(PointsEntry.Indicator), rule.Code)}, 1, NULL,"
                + $" ({Line(rule, $"({months} + 1)")}) - ({Line(rule, months)}), {ELit(nameof(PointsEntry.Period), $"{first:yyyy-MM}")},"
                + $" {ELit(nameof(PointsEntry.Source), Source)}, {ELit(nameof(PointsEntry.RuleSetVersion), label)}, NULL, NULL, {ELit(nameof(PointsEntry.CreatedAt), now)},"
                + $" NULL, NULL, {ELit(nameof(PointsEntry.AccrualIndicator), IndicatorKey(rule.Code))}, {ELit(nameof(PointsEntry.AccrualMonth), MonthKey(first))},"
                + $" {ELit(nameof(PointsEntry.AccrualRunId), run)}"
                + $" FROM {B}"
                + $" WHERE {NotFrozen} AND {earnedCondition.Replace("{resident}", residentId, StringComparison.Ordinal)}"
                + sql.SkipExisting(
                    $"NOT EXISTS (SELECT 1 FROM {E} e WHERE {ECol(nameof(PointsEntry.ResidentId))} = {residentId} AND {IsAccrualOf(rule)})",
                    [sql.Column<PointsEntry>(nameof(PointsEntry.ResidentId)), sql.Column<PointsEntry>(nameof(PointsEntry.AccrualIndicator)),
                        sql.Column<PointsEntry>(nameof(PointsEntry.AccrualMonth))],
                    // In the unique index's order, so its inserts walk the leaves once instead of landing on random pages.
                    $" ORDER BY {residentId}");
        }

        public string Label => label;

        /// <summary>
        /// Adds this run's new months to the counters and rescores every balance on this version from its row, exactly
        /// as the calculator would, in one rewrite of each row. The new months are the entries this run wrote (ids above
        /// <paramref name="lastId"/>, this month's keys, this run), summed per resident from a range scan of the new
        /// rows and joined to the balances in one pass (no probe per balance): a re-run wrote none, so it adds nothing.
        /// Without <paramref name="rescore"/> only the counters move (a backfill scores once, after its last month).
        /// </summary>
        public string CountAndScoreBalances(long lastId, bool rescore = true)
        {
            var resident = sql.Column<PointsBalance>(nameof(PointsBalance.ResidentId));
            var siMonths = sql.Column<PointsBalance>(nameof(PointsBalance.SocialInsuranceMonths));
            var resMonths = sql.Column<PointsBalance>(nameof(PointsBalance.ResidenceMonths));
            string NewMonths(PerUnitRule? rule) => rule is null
                ? "0"
                : $"SUM(CASE WHEN {IsAccrualOf(rule)} THEN 1 ELSE 0 END)";
            var newMonths = $"SELECT {ECol(nameof(PointsEntry.ResidentId))} AS resident, {NewMonths(rules.SocialInsurance)} AS si, {NewMonths(rules.Residence)} AS res"
                + $" FROM {E} e WHERE {NewEntriesOfThisRun(lastId)} GROUP BY {ECol(nameof(PointsEntry.ResidentId))}";
            var perBalance = $"SELECT b.{resident} AS resident, COALESCE(x.si, 0) AS si, COALESCE(x.res, 0) AS res"
                + $" FROM {B} b LEFT JOIN ({newMonths}) x ON x.resident = b.{resident}"
                + $" WHERE b.{sql.Column<PointsBalance>(nameof(PointsBalance.RuleSetVersion))} = {BLit(nameof(PointsBalance.RuleSetVersion), label)}";
            var total = Total($"({BCol(nameof(PointsBalance.SocialInsuranceMonths))} + n.si)", $"({BCol(nameof(PointsBalance.ResidenceMonths))} + n.res)");
            var score = rescore
                ? $", {sql.Column<PointsBalance>(nameof(PointsBalance.TotalHundredths))} = {total},"
                    + $" {sql.Column<PointsBalance>(nameof(PointsBalance.Total))} = {AccrualSql.FloorHundredths(total)},"
                    + $" {sql.Column<PointsBalance>(nameof(PointsBalance.ComputedAt))} = {BLit(nameof(PointsBalance.ComputedAt), now)}"
                : "";
            return $"UPDATE {B} SET {siMonths} = {BCol(nameof(PointsBalance.SocialInsuranceMonths))} + n.si,"
                + $" {resMonths} = {BCol(nameof(PointsBalance.ResidenceMonths))} + n.res"
                + score
                + $" FROM ({perBalance}) n WHERE {BCol(nameof(PointsBalance.ResidentId))} = n.resident";
        }

        /// <summary>
        /// The counters of balances still on another rule set, which the rescoring leaves alone (their totals wait for
        /// that rule set's recompute), still move by the months this run wrote for them.
        /// </summary>
        public string CountNewMonthsOnOtherRuleSets(long lastId)
        {
            string Counter(string property, PerUnitRule? rule)
            {
                var column = sql.Column<PointsBalance>(property);
                var added = rule is null
                    ? "0"
                    : $"(SELECT COUNT(*) FROM {E} e WHERE {ECol(nameof(PointsEntry.ResidentId))} = {BCol(nameof(PointsBalance.ResidentId))} AND {NewEntriesOfThisRun(lastId)}"
                        + $" AND {IsAccrualOf(rule)})";
                return $"{column} = {BCol(property)} + {added}";
            }

            return $"UPDATE {B} SET {Counter(nameof(PointsBalance.SocialInsuranceMonths), rules.SocialInsurance)}, {Counter(nameof(PointsBalance.ResidenceMonths), rules.Residence)}"
                + $" WHERE {BCol(nameof(PointsBalance.RuleSetVersion))} <> {BLit(nameof(PointsBalance.RuleSetVersion), label)}";
        }

        /// <summary>An entry <c>e</c> is this month's accrual of <paramref name="rule"/>'s indicator (its accrual key).</summary>
        private string IsAccrualOf(PerUnitRule rule) =>
            $"{ECol(nameof(PointsEntry.AccrualIndicator))} = {ELit(nameof(PointsEntry.AccrualIndicator), IndicatorKey(rule.Code))}"
            + $" AND {ECol(nameof(PointsEntry.AccrualMonth))} = {ELit(nameof(PointsEntry.AccrualMonth), MonthKey(first))}";

        private string NewEntriesOfThisRun(long lastId) =>
            $"{ECol(nameof(PointsEntry.Id))} > {lastId} AND {ECol(nameof(PointsEntry.AccrualRunId))} = {ELit(nameof(PointsEntry.AccrualRunId), run)}";

        private string Total(string socialInsuranceMonths, string residenceMonths)
        {
            var province = string.Join(" + ",
                Age(),
                rules.SocialInsurance is { } si ? Line(si, socialInsuranceMonths) : "0",
                rules.Residence is { } res ? Line(res, residenceMonths) : "0",
                BCol(nameof(PointsBalance.ProvinceFixedHundredths)));
            // The province tier only awards (the rule set is refused otherwise), so its cap bounds it from above only.
            return $"({BCol(nameof(PointsBalance.OtherTiersHundredths))} + {sql.AtMost($"({province})", rules.ProvinceCapHundredths)})";
        }

        // Age in full years compared as birth dates: younger than A on `today` exactly when born after today − A years.
        private string Age()
        {
            if (rules.AgePointsFrom.Count == 0)
                return "0";
            var birth = BCol(nameof(PointsBalance.BirthDate));
            var steps = rules.AgePointsFrom;
            var whens = new List<string>();
            for (var i = 0; i + 1 < steps.Count; i++)
                whens.Add($"WHEN {birth} > {BLit(nameof(PointsBalance.BirthDate), today.AddYears(-steps[i + 1].Age))} THEN {steps[i].Hundredths}");
            return whens.Count == 0 ? $"{steps[0].Hundredths}" : $"(CASE {string.Join(" ", whens)} ELSE {steps[^1].Hundredths} END)";
        }

        private string Line(PerUnitRule rule, string months) =>
            sql.AtMost(rule.UnitSize == 1 ? $"{months} * {rule.PointsPerUnitHundredths}" : $"({months} / {rule.UnitSize}) * {rule.PointsPerUnitHundredths}", rule.CapHundredths);
    }
}
