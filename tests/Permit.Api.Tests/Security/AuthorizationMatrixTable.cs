namespace Permit.Api.Tests.Security;

/// <summary>What a caller should get: through the door (any status but 401/403), 401, or 403.</summary>
public enum Access
{
    Allowed,
    Unauthorized,
    Forbidden,
}

/// <summary>The body a row's request carries; the matrix checks the door, so most requests carry an empty JSON object.</summary>
public enum MatrixBody
{
    EmptyJson,
    /// <summary>The registrar's real credentials: a wrong password answers 401 by design, which says nothing about the door.</summary>
    OfficerCredentials,
    /// <summary>The first migrant's real credentials, for the same reason.</summary>
    MigrantCredentials,
    /// <summary>An empty CSV: the upload's content-type matcher would otherwise answer 415 before authorization.</summary>
    Csv,
}

/// <summary>One endpoint of the API and who may pass its door.</summary>
public sealed record MatrixRow(string Method, string Route, IReadOnlyList<Access> Expected, MatrixBody Body = MatrixBody.EmptyJson)
{
    public string Key => $"{Method} {Route}";

    public Access For(Caller caller) => Expected[(int)caller];
}

/// <summary>
/// The expected authorization of every endpoint, from the issue: the officers' desk for registrars and above, approval
/// and revocation for supervisors and above, administration for admins only, the verifier endpoints for terminals,
/// self-service for migrants (always their own record: the resident comes from the token), and the trust list, health,
/// sign-in and activation for anyone. A new endpoint needs a row here, or the completeness test fails.
/// </summary>
public static class AuthorizationMatrixTable
{
    private const Access A = Access.Allowed;
    private const Access U = Access.Unauthorized;
    private const Access F = Access.Forbidden;

    // other-sup: a supervisor of another jurisdiction passes the doors a supervisor passes; behind them he finds none of
    // the home district's records (AuthorizationMatrixTests' cross-jurisdiction test).
    //                                                 anon reg sup adm school clinic migrant other-migrant other-sup
    private static readonly Access[] Public =        [A,   A,  A,  A,  A,     A,     A,      A,            A];
    private static readonly Access[] Desk =          [U,   A,  A,  A,  F,     F,     F,      F,            A];
    private static readonly Access[] SupervisorUp =  [U,   F,  A,  A,  F,     F,     F,      F,            A];
    private static readonly Access[] AdminOnly =     [U,   F,  F,  A,  F,     F,     F,      F,            F];
    private static readonly Access[] Terminal =      [U,   F,  F,  F,  A,     A,     F,      F,            F];
    private static readonly Access[] Holder =        [U,   F,  F,  F,  F,     F,     A,      A,            F];
    private static readonly Access[] Signedin =      [U,   A,  A,  A,  A,     A,     A,      A,            A];
    private static readonly Access[] CardReaders =   [U,   A,  A,  A,  A,     A,     F,      F,            A];

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Anyone
        new("GET",  "/health",                                                     Public),
        new("GET",  "/api/trust-list",                                             Public),
        new("GET",  "/api/public/settlement-rounds/{id:guid}",                     Public),
        new("GET",  "/api/issuer-keys",                                            Public),
        new("GET",  "/api/revocation-list",                                        Public),
        new("GET",  "/api/status-list",                                            Public),
        new("GET",  "/api/status-list/delta",                                      Public),
        new("POST", "/api/auth/token",                                             Public, MatrixBody.OfficerCredentials),
        new("POST", "/api/self-service/activate",                                  Public),
        new("POST", "/api/self-service/token",                                     Public, MatrixBody.MigrantCredentials),

        // The officers' desk
        new("GET",  "/api/officers/me",                                            Desk),
        new("POST", "/api/residents/from-id-card",                                     Desk),
        new("POST", "/api/residents/",                                                 Desk),
        new("GET",  "/api/residents/{id:guid}",                                        Desk),
        new("GET",  "/api/residents/",                                                 Desk),
        new("POST", "/api/residents/{id:guid}/photos/",                                Desk),
        new("GET",  "/api/residents/{id:guid}/photos/",                                Desk),
        new("POST", "/api/registrations/",                                             Desk),
        new("GET",  "/api/registrations/{id:guid}",                                    Desk),
        new("GET",  "/api/communities/",                                               Desk),
        new("POST", "/api/registrations/{id:guid}/address-changes",                    Desk),
        new("POST", "/api/registrations/{id:guid}/workplace-changes",                  Desk),
        new("POST", "/api/registrations/{id:guid}/move-out",                           Desk),
        new("POST", "/api/bulk-reports/",                                              Desk, MatrixBody.Csv),
        new("GET",  "/api/bulk-reports/runs/{runId:guid}",                             Desk),
        new("GET",  "/api/bulk-reports/runs/{runId:guid}/result.xlsx",                 Desk),
        new("POST", "/api/applications/",                                              Desk),
        new("GET",  "/api/applications/overdue",                                       Desk),
        new("GET",  "/api/applications/{id:guid}",                                     Desk),
        new("POST", "/api/applications/{id:guid}/documents",                           Desk),
        new("POST", "/api/applications/{id:guid}/accept",                              Desk),
        new("POST", "/api/applications/{id:guid}/reject",                              Desk),
        new("GET",  "/api/applications/{id:guid}/acceptance-receipt",                  Desk),
        new("POST", "/api/permits/",                                               Desk),
        new("GET",  "/api/permits/{number}",                                       Desk),
        new("POST", "/api/permits/{number}/cards/exchange",                        Desk),
        new("POST", "/api/permits/{number}/cards/replacement",                     Desk),
        new("POST", "/api/permits/{number}/termination",                           Desk),
        new("POST", "/api/permits/{number}/cards/{sequence:int}/personalization",  Desk),
        new("POST", "/api/permits/{number}/cards/{sequence:int}/confirmation",     Desk),
        new("POST", "/api/permits/{number}/cards/{sequence:int}/challenge",        Desk),
        new("POST", "/api/permits/{number}/cards/{sequence:int}/personalization/abandon", Desk),
        new("POST", "/api/card-challenges",                                        CardReaders),
        new("POST", "/api/permits/{number}/endorsements",                          Desk),
        new("GET",  "/api/permits/{number}/card-face",                             Desk),
        new("POST", "/api/permits/{number}/receipt",                               Desk),
        new("GET",  "/api/points/residents/{id:guid}",                             Desk),
        new("GET",  "/api/points/residents/{id:guid}/entries",                     Desk),
        new("POST", "/api/points/residents/{id:guid}/entries",                     Desk),
        new("POST", "/api/points/residents/{id:guid}/social-insurance",            Desk),
        new("POST", "/api/points/entries/{id:long}/reversal",                      Desk),
        new("GET",  "/api/points/reviews",                                         Desk),
        new("POST", "/api/points/reviews/{id:guid}/accept",                        Desk),
        new("POST", "/api/points/reviews/{id:guid}/reject",                        Desk),
        new("GET",  "/api/points/rule-sets",                                       Desk),
        new("GET",  "/api/school-admission/rounds/{id:guid}",                      Desk),
        new("POST", "/api/school-admission/rounds/{id:guid}/applicants",           Desk),
        new("GET",  "/api/school-admission/rounds/{id:guid}/runs/{runId:guid}",    Desk),
        new("GET",  "/api/residents/{id:guid}/family/",                            Desk),
        new("POST", "/api/residents/{id:guid}/family/",                            Desk),
        new("POST", "/api/residents/{id:guid}/family/children",                    Desk),
        new("GET",  "/api/settlement/condition-sets",                              Desk),
        new("POST", "/api/settlement/applications",                                Desk),
        new("GET",  "/api/settlement/applications/{id:guid}",                      Desk),
        new("GET",  "/api/settlement/rounds/{id:guid}",                            Desk),
        new("POST", "/api/settlement/rounds/{id:guid}/applicants",                 Desk),
        new("POST", "/api/settlement/rounds/{id:guid}/objections",                 Desk),
        new("GET",  "/api/settlement/applications/{id:guid}/notice",               Desk),
        new("GET",  "/api/settlement/rounds/{id:guid}/applicants/{applicantId:guid}/notice", Desk),

        // Supervisors and admins
        new("POST", "/api/applications/{id:guid}/approve",                             SupervisorUp),
        new("POST", "/api/applications/{id:guid}/due-date-extension",                  SupervisorUp),
        new("GET",  "/api/duplicates/",                                            SupervisorUp),
        new("POST", "/api/duplicates/{id:guid}/merge",                             SupervisorUp),
        new("POST", "/api/duplicates/{id:guid}/not-same-person",                   SupervisorUp),
        new("GET",  "/api/data-quality/",                                          SupervisorUp),
        new("GET",  "/api/data-quality/{check}",                                   SupervisorUp),
        new("POST", "/api/permits/{number}/revocation",                            SupervisorUp),
        new("POST", "/api/points/rule-sets",                                       SupervisorUp),
        new("POST", "/api/school-admission/rounds/",                               SupervisorUp),
        new("POST", "/api/school-admission/rounds/{id:guid}/runs",                 SupervisorUp),
        new("POST", "/api/settlement/condition-sets",                              SupervisorUp),
        new("POST", "/api/settlement/applications/{id:guid}/decision",             SupervisorUp),
        new("POST", "/api/settlement/rounds/",                                     SupervisorUp),
        new("POST", "/api/settlement/rounds/{id:guid}/closing",                    SupervisorUp),
        new("POST", "/api/settlement/rounds/{id:guid}/publication",                SupervisorUp),
        new("POST", "/api/settlement/rounds/{id:guid}/objections/{objectionId:guid}/decision", SupervisorUp),
        new("POST", "/api/settlement/rounds/{id:guid}/final",                      SupervisorUp),
        new("GET",  "/api/settlement/export",                                      SupervisorUp),

        // Officers and counter terminals: pairing their PC's card agent, tickets for it
        new("POST", "/api/agents",                                                 CardReaders),
        new("POST", "/api/agent-tickets",                                          CardReaders),

        // Admins only
        new("GET",  "/api/admin/agents/",                                          AdminOnly),
        new("DELETE", "/api/admin/agents/{id:guid}",                               AdminOnly),
        new("POST", "/api/admin/officers",                                         AdminOnly),
        new("POST", "/api/legacy-import/",                                         AdminOnly, MatrixBody.Csv),
        new("POST", "/api/communities/",                                           AdminOnly),
        new("PUT",  "/api/communities/{code}/name",                                AdminOnly),
        new("POST", "/api/communities/{code}/retirement",                          AdminOnly),
        new("POST", "/api/communities/import",                                     AdminOnly, MatrixBody.Csv),
        new("POST", "/api/admin/terminals",                                        AdminOnly),
        new("POST", "/api/admin/terminals/{id:guid}/revocation",                   AdminOnly),
        new("POST", "/api/admin/officers/{id:guid}/disable",                       AdminOnly),
        new("POST", "/api/admin/officers/{id:guid}/enable",                        AdminOnly),
        new("POST", "/api/admin/officers/{id:guid}/password",                      AdminOnly),
        new("PUT",  "/api/admin/officers/{id:guid}/role",                          AdminOnly),
        new("PUT",  "/api/admin/officers/{id:guid}/jurisdiction",                  AdminOnly),
        new("GET",  "/api/audit/verify",                                           AdminOnly),
        new("POST", "/api/admin/permits/suspend-overdue",                          AdminOnly),
        new("POST", "/api/points/accruals",                                        AdminOnly),
        new("POST", "/api/admin/revocation-list",                                  AdminOnly),
        new("POST", "/api/admin/status-list",                                      AdminOnly),
        new("GET",  "/api/admin/jobs/",                                            AdminOnly),
        new("GET",  "/api/admin/jobs/runs",                                        AdminOnly),
        new("POST", "/api/admin/jobs/{name}/runs",                                 AdminOnly),
        new("POST", "/api/admin/statistics/refresh",                               AdminOnly),

        // Verifier terminals
        new("GET",  "/api/terminals/me",                                           Terminal),
        new("GET",  "/api/entitlements/services",                                  Terminal),
        new("GET",  "/api/entitlements/permits/{number}",                          Terminal),
        new("POST", "/api/entitlements/lookups/qr",                                Terminal),
        new("POST", "/api/entitlements/lookups/card",                              Terminal),
        new("POST", "/api/entitlements/lookups/id-card",                           Terminal),

        // Self-service: the holder's own record only (the resident is the token's, never the request's)
        // A photo link opens for the one caller it was made for; the door lets any signed-in caller knock.
        new("GET",  "/api/photos/{token}",                                         Signedin),
        new("GET",  "/api/self-service/me",                                        Holder),
        new("GET",  "/api/self-service/settlement",                                Holder),
        new("GET",  "/api/self-service/permit/",                                   Holder),
        new("POST", "/api/self-service/permit/endorsements",                       Holder),
        new("GET",  "/api/self-service/permit/qr",                                 Holder),
        new("GET",  "/api/self-service/points/",                                   Holder),
        new("POST", "/api/self-service/points/what-if",                            Holder),
        new("GET",  "/api/self-service/points/reviews",                            Holder),
        new("POST", "/api/self-service/points/reviews",                            Holder),
    ];
}
