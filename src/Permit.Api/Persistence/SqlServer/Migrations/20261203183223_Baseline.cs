using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Permit.Api.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdmissionRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Zone = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    SchoolYear = table.Column<int>(type: "int", nullable: false),
                    Places = table.Column<int>(type: "int", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "int", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    MinimumAge = table.Column<int>(type: "int", nullable: false),
                    MaximumAge = table.Column<int>(type: "int", nullable: false),
                    MinimumPoints = table.Column<int>(type: "int", nullable: true),
                    PermitMonths = table.Column<int>(type: "int", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ActorRole = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Terminal = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Purpose = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PreviousHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CardChallenges",
                columns: table => new
                {
                    Nonce = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    IssuedTo = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardChallenges", x => x.Nonce);
                });

            migrationBuilder.CreateTable(
                name: "Communities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Retired = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DuplicateSuspicions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FirstResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SecondResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Rule = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: true),
                    Digits = table.Column<string>(type: "varchar(8)", unicode: false, maxLength: 8, nullable: true),
                    NameVariance = table.Column<int>(type: "int", unicode: false, maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateSuspicions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdempotentRequests",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CallerId = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false, defaultValue: ""),
                    RequestHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "int", nullable: false),
                    ResponseJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdempotentRequests", x => new { x.Scope, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Job = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    Period = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Items = table.Column<int>(type: "int", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => new { x.Job, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "LegacyImportCheckpoints",
                columns: table => new
                {
                    FileSha256 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    LastRow = table.Column<int>(type: "int", nullable: false),
                    Written = table.Column<int>(type: "int", nullable: false),
                    Unchanged = table.Column<int>(type: "int", nullable: false),
                    Rejected = table.Column<int>(type: "int", nullable: false),
                    Finished = table.Column<bool>(type: "bit", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegacyImportCheckpoints", x => x.FileSha256);
                });

            migrationBuilder.CreateTable(
                name: "MigrantAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PasswordHash = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: true),
                    ActivationCodeHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    ActivationExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FailedSignIns = table.Column<int>(type: "int", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MigrantAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    Audience = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DedupeKey = table.Column<string>(type: "varchar(120)", unicode: false, maxLength: 120, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    GaveUpAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Officers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Jurisdiction = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: true),
                    PasswordHash = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    FailedSignIns = table.Column<int>(type: "int", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DisabledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SecurityStamp = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Officers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PairedAgents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    PairedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PairedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UnpairedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PairedAgents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PermitNumberCounters",
                columns: table => new
                {
                    Region = table.Column<string>(type: "varchar(6)", unicode: false, maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    LastSerial = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermitNumberCounters", x => new { x.Region, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "PointsRuleSets",
                columns: table => new
                {
                    RuleSetId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsRuleSets", x => new { x.RuleSetId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "PublishedSettlementDocuments",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    DocumentId = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedSettlementDocuments", x => new { x.Kind, x.DocumentId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "ResidentMerges",
                columns: table => new
                {
                    MergedId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SuspicionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MergedName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    MergedCitizenId = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    MergedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MergedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RowsMoved = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentMerges", x => x.MergedId);
                });

            migrationBuilder.CreateTable(
                name: "Residents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CitizenId = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Sex = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    EthnicGroup = table.Column<string>(type: "varchar(2)", unicode: false, maxLength: 2, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    HukouAddress = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    PhotoReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    AreaCode = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: true),
                    CitizenIdIndex = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Residents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RevocationLists",
                columns: table => new
                {
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    ThisUpdate = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    NextUpdate = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    KeyId = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    RevokedCount = table.Column<int>(type: "int", nullable: false),
                    SuspendedCount = table.Column<int>(type: "int", nullable: false),
                    ExtendedCount = table.Column<int>(type: "int", nullable: false),
                    SignedList = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevocationLists", x => x.Version);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Quota = table.Column<int>(type: "int", nullable: false),
                    IndexVersion = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    ApplicationOpens = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    PublicityDays = table.Column<int>(type: "int", nullable: false),
                    FloorPermitMonths = table.Column<int>(type: "int", nullable: false),
                    FloorInsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    FloorNoFreeze = table.Column<bool>(type: "bit", nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    PublicityOpens = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityCloses = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalizedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VerifierTerminals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CategoryList = table.Column<string>(type: "varchar(200)", unicode: false, maxLength: 200, nullable: false),
                    ApiKeyPrefix = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    ApiKeyHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SecurityStamp = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerifierTerminals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AllocationRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    RunDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RanAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RanBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AllocationRuns_AdmissionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AdmissionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Relationship = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    EvidenceKind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    EvidenceReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    BirthCertificateNumber = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: true),
                    GuardianConsent = table.Column<bool>(type: "bit", nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyLinks_Residents_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyLinks_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointsBalances",
                columns: table => new
                {
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Total = table.Column<int>(type: "int", nullable: false),
                    TotalHundredths = table.Column<int>(type: "int", nullable: false),
                    Frozen = table.Column<bool>(type: "bit", nullable: false),
                    FrozenUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    ComputedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SocialInsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "int", nullable: false),
                    ProvinceFixedHundredths = table.Column<int>(type: "int", nullable: false),
                    OtherTiersHundredths = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsBalances", x => x.ResidentId);
                    table.ForeignKey(
                        name: "FK_PointsBalances_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointsEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Indicator = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    Level = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    PointsHundredths = table.Column<int>(type: "int", nullable: false),
                    Period = table.Column<string>(type: "varchar(7)", unicode: false, maxLength: 7, nullable: true),
                    Source = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    RuleSetVersion = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    Officer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EvidenceReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReversesEntryId = table.Column<long>(type: "bigint", nullable: true),
                    FrozenUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Key = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    AccrualRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsEntries_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointsReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Indicator = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ResolvedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Resolution = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsReviews_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResidenceRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Address = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    CommunityCode = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: false),
                    ArrivalDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RegistrationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Basis = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Evidence = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EmployerOrLandlord = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    MovedOutOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportDelayWorkingDays = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidenceRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidenceRegistrations_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResidentPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Source = table.Column<string>(type: "varchar(10)", unicode: false, maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Sealed = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    KeyVersion = table.Column<int>(type: "int", nullable: false),
                    TakenBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentPhotos_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettlementApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Category = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    ConditionSetVersion = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    UnmetConditions = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecisionReasons = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Documents = table.Column<string>(type: "varchar(1000)", unicode: false, maxLength: 1000, nullable: false),
                    InvestmentTenThousandYuan = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementApplications_Residents_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SocialInsuranceCovers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CoveredFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CoveredUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    EvidenceReference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialInsuranceCovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialInsuranceCovers_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRoundApplicants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EducationLevel = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    SkillLevel = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    ResidenceMonths = table.Column<int>(type: "int", nullable: false),
                    WorkMonths = table.Column<int>(type: "int", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    ContributionHundredths = table.Column<int>(type: "int", nullable: false),
                    PermitMonths = table.Column<int>(type: "int", nullable: false),
                    Frozen = table.Column<bool>(type: "bit", nullable: false),
                    EnteredBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundApplicants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementRoundApplicants_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementRoundApplicants_SettlementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SettlementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRoundRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Trigger = table.Column<string>(type: "varchar(60)", unicode: false, maxLength: 60, nullable: false),
                    RanAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RanBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementRoundRuns_SettlementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SettlementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AllocationLines",
                columns: table => new
                {
                    ApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "int", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PointsHundredths = table.Column<int>(type: "int", nullable: true),
                    PointsFrozen = table.Column<bool>(type: "bit", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: true),
                    ParentPermitStatus = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    ParentPermitValid = table.Column<bool>(type: "bit", nullable: false),
                    Outcome = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: true),
                    TieBreak = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationLines", x => new { x.RunId, x.ApplicantId });
                    table.ForeignKey(
                        name: "FK_AllocationLines_AllocationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AllocationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PermitApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegistrationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Basis = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Exemption = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DueDateExtended = table.Column<bool>(type: "bit", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RejectionReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermitApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PermitApplications_ResidenceRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "ResidenceRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PermitApplications_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    NewValue = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    NewCommunityCode = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: true),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLate = table.Column<bool>(type: "bit", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationChanges_ResidenceRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "ResidenceRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettlingMembers",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Relationship = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Age = table.Column<int>(type: "int", nullable: false),
                    LivesTogether = table.Column<bool>(type: "bit", nullable: false),
                    UnmarriedWithoutIncome = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlingMembers", x => new { x.ApplicationId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_SettlingMembers_Residents_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlingMembers_SettlementApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "SettlementApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRoundObjections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Source = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    ClaimedValue = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Claim = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FiledBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecisionReasons = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SettlementRoundObjections_SettlementRoundApplicants_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "SettlementRoundApplicants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SettlementRoundObjections_SettlementRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "SettlementRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SettlementRoundLines",
                columns: table => new
                {
                    ApplicantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ScoreHundredths = table.Column<int>(type: "int", nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: true),
                    Outcome = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    TieBreak = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettlementRoundLines", x => new { x.RunId, x.ApplicantId });
                    table.ForeignKey(
                        name: "FK_SettlementRoundLines_SettlementRoundRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "SettlementRoundRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResidencePermits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "varchar(18)", unicode: false, maxLength: 18, nullable: false),
                    ResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IssuingAuthority = table.Column<string>(type: "nvarchar(90)", maxLength: 90, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Anchor = table.Column<DateOnly>(type: "date", nullable: false),
                    EndorsementsSinceAnchor = table.Column<int>(type: "int", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    ContinuousResidenceSince = table.Column<DateOnly>(type: "date", nullable: false),
                    SuspendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    EndNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LiveHolderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidencePermits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidencePermits_PermitApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "PermitApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResidencePermits_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubmittedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HandedInOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmittedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmittedDocuments_PermitApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "PermitApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdmissionApplicants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RoundId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChildName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ParentPermitNumber = table.Column<string>(type: "varchar(18)", unicode: false, maxLength: 18, nullable: false),
                    ParentPermitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ParentResidentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ResidenceMonths = table.Column<int>(type: "int", nullable: false),
                    InsuranceMonths = table.Column<int>(type: "int", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EnteredBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionApplicants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdmissionApplicants_AdmissionRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "AdmissionRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplicants_ResidencePermits_ParentPermitId",
                        column: x => x.ParentPermitId,
                        principalTable: "ResidencePermits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplicants_Residents_ChildResidentId",
                        column: x => x.ChildResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplicants_Residents_ParentResidentId",
                        column: x => x.ParentResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CardPersonalizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PermitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CardSequence = table.Column<int>(type: "int", nullable: false),
                    Attempt = table.Column<int>(type: "int", nullable: false),
                    Serial = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    ChipKey = table.Column<byte[]>(type: "varbinary(70)", maxLength: 70, nullable: true),
                    AbandonedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AbandonReason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    KeyId = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    PermitFileHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    PhotoFileHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    ChipKeyFileHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    SignatureFileHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    PreparedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CardPersonalizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CardPersonalizations_ResidencePermits_PermitId",
                        column: x => x.PermitId,
                        principalTable: "ResidencePermits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Endorsements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    EndorsedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PreviousValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    NewValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLate = table.Column<bool>(type: "bit", nullable: false),
                    PermitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Endorsements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Endorsements_ResidencePermits_PermitId",
                        column: x => x.PermitId,
                        principalTable: "ResidencePermits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PermitCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    OrderedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Serial = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevocationReason = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    PermitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermitCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PermitCards_ResidencePermits_PermitId",
                        column: x => x.PermitId,
                        principalTable: "ResidencePermits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplicants_ChildResidentId",
                table: "AdmissionApplicants",
                column: "ChildResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplicants_ParentPermitId",
                table: "AdmissionApplicants",
                column: "ParentPermitId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplicants_ParentResidentId",
                table: "AdmissionApplicants",
                column: "ParentResidentId");

            migrationBuilder.CreateIndex(
                name: "UX_AdmissionApplicants_RoundId_ChildResidentId",
                table: "AdmissionApplicants",
                columns: new[] { "RoundId", "ChildResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_AdmissionRounds_Zone_SchoolYear",
                table: "AdmissionRounds",
                columns: new[] { "Zone", "SchoolYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_AllocationRuns_RoundId_Sequence",
                table: "AllocationRuns",
                columns: new[] { "RoundId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ResidentId",
                table: "AuditEntries",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "UX_AuditEntries_Sequence",
                table: "AuditEntries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CardChallenges_ExpiresAt",
                table: "CardChallenges",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_CardPersonalizations_ChipKeyFileHash",
                table: "CardPersonalizations",
                column: "ChipKeyFileHash");

            migrationBuilder.CreateIndex(
                name: "UX_CardPersonalizations_PermitId_CardSequence_Attempt",
                table: "CardPersonalizations",
                columns: new[] { "PermitId", "CardSequence", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communities_Name",
                table: "Communities",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateSuspicions_SecondResidentId",
                table: "DuplicateSuspicions",
                column: "SecondResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateSuspicions_Status",
                table: "DuplicateSuspicions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "UX_DuplicateSuspicions_Pair",
                table: "DuplicateSuspicions",
                columns: new[] { "FirstResidentId", "SecondResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Endorsements_PermitId_Sequence",
                table: "Endorsements",
                columns: new[] { "PermitId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FamilyLinks_MemberId",
                table: "FamilyLinks",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyLinks_ResidentId",
                table: "FamilyLinks",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IdempotentRequests_CreatedAt",
                table: "IdempotentRequests",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_StartedAt",
                table: "JobRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "UX_MigrantAccounts_ActivationCodeHash",
                table: "MigrantAccounts",
                column: "ActivationCodeHash",
                unique: true,
                filter: "[ActivationCodeHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UX_MigrantAccounts_ResidentId",
                table: "MigrantAccounts",
                column: "ResidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_MigrantAccounts_UserName",
                table: "MigrantAccounts",
                column: "UserName",
                unique: true,
                filter: "[UserName] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ResidentId",
                table: "Notifications",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_NextAttemptAt",
                table: "Notifications",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "UX_Notifications_DedupeKey",
                table: "Notifications",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_Officers_UserName",
                table: "Officers",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PermitApplications_RegistrationId",
                table: "PermitApplications",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_PermitApplications_ResidentId",
                table: "PermitApplications",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PermitApplications_Status_DueDate",
                table: "PermitApplications",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PermitCards_Serial",
                table: "PermitCards",
                column: "Serial");

            migrationBuilder.CreateIndex(
                name: "UX_PermitCards_PermitId_Sequence",
                table: "PermitCards",
                columns: new[] { "PermitId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsBalances_RuleSetVersion",
                table: "PointsBalances",
                column: "RuleSetVersion");

            migrationBuilder.CreateIndex(
                name: "UX_PointsEntries_ResidentId_Key",
                table: "PointsEntries",
                columns: new[] { "ResidentId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsReviews_ResidentId",
                table: "PointsReviews",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsReviews_Status",
                table: "PointsReviews",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationChanges_RegistrationId",
                table: "RegistrationChanges",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_ApplicationId",
                table: "ResidencePermits",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_ResidentId",
                table: "ResidencePermits",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidencePermits_Status_ValidUntil",
                table: "ResidencePermits",
                columns: new[] { "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "UX_ResidencePermits_LiveHolderId",
                table: "ResidencePermits",
                column: "LiveHolderId",
                unique: true,
                filter: "[LiveHolderId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UX_ResidencePermits_Number",
                table: "ResidencePermits",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidenceRegistrations_CommunityCode",
                table: "ResidenceRegistrations",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_ResidenceRegistrations_ResidentId",
                table: "ResidenceRegistrations",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentMerges_SurvivorId",
                table: "ResidentMerges",
                column: "SurvivorId");

            migrationBuilder.CreateIndex(
                name: "UX_ResidentPhotos_Resident_Source_Version",
                table: "ResidentPhotos",
                columns: new[] { "ResidentId", "Source", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Residents_AreaCode",
                table: "Residents",
                column: "AreaCode");

            migrationBuilder.CreateIndex(
                name: "UX_Residents_CitizenId",
                table: "Residents",
                column: "CitizenIdIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementApplications_ApplicantId",
                table: "SettlementApplications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRoundApplicants_ResidentId",
                table: "SettlementRoundApplicants",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "UX_SettlementRoundApplicants_RoundId_ResidentId",
                table: "SettlementRoundApplicants",
                columns: new[] { "RoundId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRoundObjections_ApplicantId",
                table: "SettlementRoundObjections",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_SettlementRoundObjections_RoundId",
                table: "SettlementRoundObjections",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "UX_SettlementRoundRuns_RoundId_Sequence",
                table: "SettlementRoundRuns",
                columns: new[] { "RoundId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UX_SettlementRounds_Year",
                table: "SettlementRounds",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SettlingMembers_MemberId",
                table: "SettlingMembers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialInsuranceCovers_ResidentId",
                table: "SocialInsuranceCovers",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedDocuments_ApplicationId",
                table: "SubmittedDocuments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "UX_VerifierTerminals_ApiKeyPrefix",
                table: "VerifierTerminals",
                column: "ApiKeyPrefix",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdmissionApplicants");

            migrationBuilder.DropTable(
                name: "AllocationLines");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CardChallenges");

            migrationBuilder.DropTable(
                name: "CardPersonalizations");

            migrationBuilder.DropTable(
                name: "Communities");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DuplicateSuspicions");

            migrationBuilder.DropTable(
                name: "Endorsements");

            migrationBuilder.DropTable(
                name: "FamilyLinks");

            migrationBuilder.DropTable(
                name: "IdempotentRequests");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "LegacyImportCheckpoints");

            migrationBuilder.DropTable(
                name: "MigrantAccounts");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Officers");

            migrationBuilder.DropTable(
                name: "PairedAgents");

            migrationBuilder.DropTable(
                name: "PermitCards");

            migrationBuilder.DropTable(
                name: "PermitNumberCounters");

            migrationBuilder.DropTable(
                name: "PointsBalances");

            migrationBuilder.DropTable(
                name: "PointsEntries");

            migrationBuilder.DropTable(
                name: "PointsReviews");

            migrationBuilder.DropTable(
                name: "PointsRuleSets");

            migrationBuilder.DropTable(
                name: "PublishedSettlementDocuments");

            migrationBuilder.DropTable(
                name: "RegistrationChanges");

            migrationBuilder.DropTable(
                name: "ResidentMerges");

            migrationBuilder.DropTable(
                name: "ResidentPhotos");

            migrationBuilder.DropTable(
                name: "RevocationLists");

            migrationBuilder.DropTable(
                name: "SettlementRoundLines");

            migrationBuilder.DropTable(
                name: "SettlementRoundObjections");

            migrationBuilder.DropTable(
                name: "SettlingMembers");

            migrationBuilder.DropTable(
                name: "SocialInsuranceCovers");

            migrationBuilder.DropTable(
                name: "SubmittedDocuments");

            migrationBuilder.DropTable(
                name: "VerifierTerminals");

            migrationBuilder.DropTable(
                name: "AllocationRuns");

            migrationBuilder.DropTable(
                name: "ResidencePermits");

            migrationBuilder.DropTable(
                name: "SettlementRoundRuns");

            migrationBuilder.DropTable(
                name: "SettlementRoundApplicants");

            migrationBuilder.DropTable(
                name: "SettlementApplications");

            migrationBuilder.DropTable(
                name: "AdmissionRounds");

            migrationBuilder.DropTable(
                name: "PermitApplications");

            migrationBuilder.DropTable(
                name: "SettlementRounds");

            migrationBuilder.DropTable(
                name: "ResidenceRegistrations");

            migrationBuilder.DropTable(
                name: "Residents");
        }
    }
}
