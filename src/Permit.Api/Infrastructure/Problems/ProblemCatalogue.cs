using System.Collections.Frozen;

namespace Permit.Api.Infrastructure.Problems;

/// <summary>One kind of problem the API answers: its stable code (the last segment of the <c>type</c>), its HTTP
/// status, the sentence the pages show in Chinese and English, and, for a rule about one request field, that field.</summary>
public sealed record ProblemKind(string Code, int Status, string Chinese, string English, string? Field = null)
{
    public string Type => ProblemCatalogue.TypeOf(Code);
}

/// <summary>
/// Every problem code the API can answer, in one place. Clients branch on the <c>type</c>
/// (<c>https://permit.example/problems/&lt;code&gt;</c>) or the <c>code</c> extension, never on titles. A domain rule
/// thrown as a <c>DomainException</c> is answered with its entry's status (see <see cref="DomainExceptionHandler"/>);
/// the pages show <see cref="ProblemKind.Chinese"/> or <see cref="ProblemKind.English"/> for the code.
/// A field error collected while reading a request is always 400 <c>validation</c>-shaped whatever its code.
/// </summary>
public static class ProblemCatalogue
{
    public const string Base = "https://permit.example/problems/";

    private const int BadRequest = StatusCodes.Status400BadRequest;
    private const int Unauthorized = StatusCodes.Status401Unauthorized;
    private const int Forbidden = StatusCodes.Status403Forbidden;
    private const int NotFound = StatusCodes.Status404NotFound;
    private const int Conflict = StatusCodes.Status409Conflict;
    private const int TooLarge = StatusCodes.Status413PayloadTooLarge;
    private const int Unprocessable = StatusCodes.Status422UnprocessableEntity;
    private const int TooMany = StatusCodes.Status429TooManyRequests;
    private const int Unavailable = StatusCodes.Status503ServiceUnavailable;

    public static string TypeOf(string code) => Base + code;

    public static IReadOnlyCollection<ProblemKind> All => Kinds.Values;

    public static bool TryFind(string code, out ProblemKind kind) => Kinds.TryGetValue(code, out kind!);

    /// <summary>The entry of a code the API itself answers; a code missing here is a programming error.</summary>
    public static ProblemKind Get(string code) => Kinds.TryGetValue(code, out var kind)
        ? kind
        : throw new InvalidOperationException($"Problem code '{code}' is not in the problem catalogue.");

    private static readonly FrozenDictionary<string, ProblemKind> Kinds = new ProblemKind[]
    {
        // Requests in general
        new("validation", BadRequest, "填写的内容有误，请检查。", "Some entries are not right. Please check them."),
        new("field-required", BadRequest, "有必填项没有填写。", "A required field is missing."),
        new("date-invalid", BadRequest, "日期不对（格式为 YYYYMMDD 或 YYYY-MM-DD）。", "A date is not a real date."),
        new("not-found", NotFound, "未找到。", "Not found."),
        new("request-too-large", TooLarge, "提交的内容太大。", "The request body is too large."),
        new("page-invalid", BadRequest, "页码不对。", "The page number is not valid."),
        new("page-size-invalid", BadRequest, "每页条数不对。", "The page size is not valid."),
        new("idempotency-key-invalid", BadRequest, "请求标识（Idempotency-Key）不对。", "The Idempotency-Key header is not valid."),
        new("idempotency-key-other-caller", Conflict, "该请求标识已被别人使用。", "This Idempotency-Key belongs to another caller."),
        new("idempotency-key-reused", Unprocessable, "该请求标识已用于另一个请求。", "This Idempotency-Key was used for a different request."),

        // Database rules and the audit trail
        new("concurrency-conflict", Conflict, "别人刚修改了这条记录，请刷新后重试。", "Someone else just changed this record. Reload and try again."),
        new("duplicate-id-number", Conflict, "该身份证号码已登记。", "This ID number is already registered."),
        new("duplicate-permit-number", Conflict, "该居住证号码已被占用。", "This permit number is already taken."),
        new("duplicate-card-sequence", Conflict, "该居住证已有这一序号的卡。", "A card with this sequence already exists for the permit."),
        new("live-permit-exists", Conflict, "该居民已有有效居住证。", "This resident already holds a live permit."),
        new("duplicate", Conflict, "记录重复。", "The record duplicates one that already exists."),
        new("audit-busy", Unavailable, "审计记录正忙，本次没有保存，请几秒后重试。", "The audit trail is busy; nothing was saved. Try again in a few seconds."),

        // Sign-in, accounts and limits
        new("page-header-missing", Forbidden, "页面请求不完整，请刷新页面。", "The page's request was incomplete. Reload the page."),
        new("invalid-credentials", Unauthorized, "用户名或密码错误。", "The user name or password is wrong."),
        new("invalid-activation-code", BadRequest, "激活码无效、已使用或已过期。", "The activation code is unknown, used or expired."),
        new("user-name-taken", Conflict, "该用户名已被使用。", "The user name is taken."),
        new("last-admin", Conflict, "不能停用或降级唯一的管理员。", "This would leave no active admin."),
        new("too-many-requests", TooMany, "请求太频繁，请稍后再试。", "Too many requests; wait and try again."),
        new("operation-not-allowed", Forbidden, "不允许此操作。", "This operation is not allowed for you."),
        new("agent-not-paired", Forbidden, "读卡程序未与您配对，请在该电脑上重新配对。", "That card agent is not paired for you."),
        new("card-not-ordered", Conflict, "只能写入居住证当前申领的卡。", "Only the permit's current ordered card can be written."),

        // Residents, ID cards and identity values
        new("search-criterion-required", BadRequest, "请至少填写一个查询条件。", "Fill in at least one search field."),
        new("search-name-too-short", BadRequest, "按姓名查询至少输入两个字。", "A name search needs at least two characters."),
        new("id-card-expired", BadRequest, "身份证已过期，不能登记。", "The ID card has expired; it cannot be used to register.", "validTo"),
        new("id-card-not-resident", BadRequest, "只能用居民身份证登记。", "Only a resident ID card can register a resident.", "cardType"),
        new("id-card-malformed", BadRequest, "身份证信息无法读取。", "The ID card's text block cannot be read."),
        new("id-card-field-too-long", BadRequest, "身份证信息中有字段过长。", "A field of the ID card's text block is too long."),
        new("photo-invalid", BadRequest, "照片无法读取。", "The photo cannot be read."),
        new("photo-too-large", BadRequest, "照片太大。", "The photo is too large."),
        new("citizen-id-format", BadRequest, "身份证号码格式不对（18 位）。", "A citizen ID number is 18 characters."),
        new("citizen-id-check-character", BadRequest, "身份证号码校验位不对，请核对。", "The ID number's check character is wrong. Please check it."),
        new("citizen-id-region", BadRequest, "身份证号码中的地区代码不对。", "The citizen ID number's region code is not valid."),
        new("citizen-id-birth-date", BadRequest, "身份证号码中的出生日期不对。", "The citizen ID number's birth date is not a real date."),
        new("citizen-id-birth-date-in-future", BadRequest, "身份证号码中的出生日期在未来。", "The citizen ID number's birth date is in the future."),
        new("sex-code-invalid", BadRequest, "性别不对。", "The sex is not valid."),
        new("ethnic-group-invalid", BadRequest, "民族不对。", "The ethnic group is not valid."),
        new("region-code-invalid", BadRequest, "行政区划代码不对。", "The region code is not valid."),
        new("community-code-invalid", BadRequest, "社区代码不对。", "The community code is not valid."),
        new("resident-name-invalid", BadRequest, "姓名不对。", "The name is not valid.", "name"),
        new("resident-hukou-address-invalid", BadRequest, "户籍地址不对。", "The hukou address is not valid.", "address"),
        new("resident-contact-invalid", BadRequest, "联系方式不对。", "The contact is not valid.", "contact"),
        new("resident-id-card-inconsistent", BadRequest, "身份证上的信息前后不一致。", "The ID card's details disagree with each other.", "idNumber"),
        new("resident-id-number-mismatch", Unprocessable, "身份证号码与该居民不符。", "The citizen ID number is not this resident's."),
        new("resident-photo-reference-invalid", Unprocessable, "照片引用不对。", "The photo reference is not valid."),
        new("official-id-required", Unprocessable, "缺少经办人。", "The deciding official is required."),
        new("official-role-invalid", Unprocessable, "经办人角色不对。", "The official's role is not valid."),

        // Residence registrations and bulk reports
        new("registration-already-active", Conflict, "该居民已有有效的居住登记。", "The resident already has an active registration."),
        new("registration-not-active", Conflict, "居住登记已注销。", "The residence registration has ended."),
        new("registration-not-found", BadRequest, "没有该身份证号码的有效居住登记。", "No active registration for this ID number."),
        new("registration-resident-required", Unprocessable, "居住登记须指明居民。", "A registration names its resident."),
        new("registration-address-invalid", BadRequest, "居住地址不对。", "The address is not valid.", "address"),
        new("registration-evidence-required", BadRequest, "请填写居住证明材料。", "The evidence is required.", "evidence"),
        new("registration-host-required", BadRequest, "请填写用人单位或房东。", "The employer or landlord is required.", "employerOrLandlord"),
        new("registration-basis-invalid", BadRequest, "居住事由不对（就业、居住或就读）。", "The basis is employment, residence or study.", "basis"),
        new("registration-arrival-after-registration", BadRequest, "到达日期不能晚于登记日期。", "The arrival date is after the registration.", "arrivalDate"),
        new("registration-change-declared-before-it-happened", BadRequest, "变更日期不能在未来。", "The change is declared before it happened.", "changedOn"),
        new("registration-change-before-registration", BadRequest, "变更日期不能早于登记日期。", "The change is dated before the registration.", "changedOn"),
        new("registration-move-out-before-registration", BadRequest, "迁出日期不能早于登记日期。", "The move-out is dated before the registration.", "movedOutOn"),
        new("community-outside-jurisdiction", BadRequest, "该社区不在您的辖区内，只能由所属辖区的民警登记。",
            "This community lies outside your jurisdiction: only an officer of that jurisdiction can register there."),
        new("community-not-in-directory", BadRequest, "社区目录中没有该社区，请从目录中选择。",
            "This community is not in the community directory: choose one from the directory.", "communityCode"),
        new("community-retired", BadRequest, "该社区已撤销，新的登记不能再选它。",
            "This community has been retired: new registrations cannot name it.", "communityCode"),

        // The community directory
        new("community-name-invalid", BadRequest, "社区名称不对（必填，最多 40 个字）。", "A community's name is required, at most 40 characters.", "name"),
        new("community-already-listed", Conflict, "社区目录中已有该社区代码，请改名而不是重复添加。",
            "This community code is already in the directory: rename it instead of adding it again."),
        new("community-csv-columns", BadRequest, "文件第一行须有“社区代码”和“社区名称”两列。",
            "The file's first row must name a code (社区代码) and a name (社区名称) column."),
        new("community-township-mismatch", BadRequest, "所属街道与社区代码不符。", "The township does not match the community code."),
        new("community-duplicate-row", BadRequest, "该社区代码在文件中重复出现。", "This community code appears twice in the file."),
        new("resident-registered-elsewhere", Conflict, "此人在其他辖区有有效的居住登记，须先在该辖区办理迁出。",
            "This person has an active registration in another jurisdiction: the move-out is declared there first."),
        new("bulk-report-not-text", BadRequest, "文件不是 UTF-8 或 GB18030（GBK）编码的文本，请另存为 CSV 后再上传。",
            "The file is not text in UTF-8 or GB18030 (GBK). Save it as CSV and upload it again."),
        new("bulk-report-not-xlsx", BadRequest, "文件不是可以读取的 Excel（.xlsx）工作簿。",
            "The file is not a readable Excel (.xlsx) workbook."),
        new("bulk-report-xlsx-too-large", BadRequest, "工作簿解压后过大，不像是报送文件，未读取任何内容。",
            "The workbook unpacks to far more than a report; nothing of it was read."),
        new("bulk-report-encoding-invalid", BadRequest, "编码只能选自动识别、UTF-8 或 GB18030。",
            "The encoding is detect, UTF-8 or GB18030."),
        new("bulk-report-run-taken", BadRequest, "这次上传的编号已被使用，请刷新页面后重新上传。",
            "This upload's id is already in use; reload the page and upload again."),
        new("registration-reported-before-arrival", Unprocessable, "报送日期早于到达日期。",
            "The report is dated before the arrival."),
        new("legacy-header", BadRequest, "第一行不是历史数据格式的表头（见 docs/legacy-import.md），未导入任何内容。",
            "The first row is not the header of a legacy layout (docs/legacy-import.md); nothing was imported."),
        new("legacy-resident-differs", BadRequest, "系统中这个身份证号码的姓名不同，导入不会覆盖，请在窗口核实。",
            "The district knows this ID number under another name; the import never overwrites: check it at the desk."),
        new("legacy-resident-unknown", BadRequest, "没有这个身份证号码的居民：请先导入居民文件。",
            "No resident with this ID number: import the residents file first."),
        new("legacy-date-in-future", BadRequest, "日期晚于今天。",
            "The date is after today."),
        new("legacy-row-columns", BadRequest, "这一行的列数与格式不符。",
            "The row does not have the layout's columns."),
        new("legacy-permit-unregistered", BadRequest, "签发当日此人没有有效的居住登记：请先导入居住登记文件。",
            "No registration of this person was in force on the issue day: import the registrations file first."),
        new("legacy-endorsements-order", BadRequest, "签注日期须按先后顺序填写，用分号隔开。",
            "The endorsement days are listed oldest first, separated by ';'."),
        new("legacy-permit-ended-early", BadRequest, "注销日期早于签发日期或某次签注。",
            "The end day is before the issue day or an endorsement."),
        new("card-sequence-invalid", BadRequest, "卡序号须为 1 至 255 的整数。", "A card sequence is a whole number from 1 to 255."),
        new("card-issued-before-permit", Unprocessable, "卡片发放日期早于居住证签发日期。", "A card cannot be issued before its permit."),
        new("application-decided-by-required", BadRequest, "须写明审批人。", "Who decided is required."),
        new("family-ages-impossible", Unprocessable, "家庭成员的年龄与所称关系不符。", "The ages do not fit the stated relationship."),
        new("family-evidence-mismatch", Unprocessable, "所附证明与所称关系不符。", "The evidence does not prove this relationship."),
        new("family-guardian-consent-required", Unprocessable, "为未满十六周岁的子女登记须记录监护人同意。", "Registering a child under 16 needs the guardian's recorded consent."),
        new("family-link-ended", Conflict, "该家庭关系已经终止。", "This family link has already ended."),
        new("family-link-self", Unprocessable, "不能与本人建立家庭关系。", "A person cannot be linked to themselves."),
        new("family-relationship-invalid", BadRequest, "关系只能是配偶、子女或父母。", "The relationship is spouse, child or parent."),
        new("family-link-exists", Conflict, "该家庭关系已经登记。", "This family link is already recorded."),

        // Suspected duplicates (docs/duplicates.md)
        new("duplicate-survivor-invalid", BadRequest, "保留的居民必须是疑似重复的两人之一。", "The surviving resident must be one of the suspected pair.", "survivorId"),
        new("duplicate-already-decided", Conflict, "该疑似重复记录已经处理。", "This suspected duplicate has already been decided."),
        new("duplicate-merge-conflict", Conflict, "两条记录中有不能直接合并的内容（如各有一张有效居住证），请先处理后再合并。", "The two records hold something that cannot be combined as it is (such as a live permit each): settle it before merging."),
        new("settlement-already-decided", Conflict, "该落户申请已经作出决定。", "This settlement application has already been decided."),
        new("settlement-category-unknown", BadRequest, "没有这个落户类别。", "There is no such settlement category."),
        new("settlement-conditions-unmet", Unprocessable, "尚有落户条件未满足，详见清单。", "Some settlement conditions are not met; see the list."),
        new("settlement-export-format-invalid", BadRequest, "导出格式只能是 csv 或 json。", "The export format is csv or json."),
        new("settlement-investment-invalid", BadRequest, "投资额不对。", "The investment amount is not valid."),
        new("settlement-member-not-eligible", Unprocessable, "该家庭成员不符合随迁条件。", "This family member may not settle with the applicant."),
        new("settlement-member-repeated", BadRequest, "同一家庭成员不能重复列出。", "A family member is listed twice."),
        new("settlement-member-not-family", BadRequest, "随迁人员必须是已登记的配偶、子女或父母。", "Every member must be a recorded spouse, child or parent of the applicant."),
        new("settlement-decision-invalid", BadRequest, "决定不对。", "The decision is not valid."),
        new("settlement-application-exists", Conflict, "该申请人已有待处理的落户申请。", "The applicant already has a pending settlement application."),
        new("settlement-condition-set-version-not-newer", Conflict, "条件集的版本必须比已发布的新。", "The condition set's version must be newer than the published one."),
        new("settlement-objection-already-decided", Conflict, "该异议已经作出决定。", "This objection has already been decided."),
        new("settlement-objection-outside-window", Conflict, "不在公示期内，不能提出或处理异议。", "Objections are taken and decided during the publicity period only."),
        new("settlement-objection-source-invalid", BadRequest, "异议来源不对。", "The objection's source is not valid."),
        new("settlement-objection-value-invalid", BadRequest, "异议所称的数值不对。", "The objection's claimed value is not valid."),
        new("settlement-round-floors-invalid", BadRequest, "资格门槛不对。", "The round's eligibility floors are not valid."),
        new("settlement-round-not-taking-applications", Conflict, "本轮积分落户不在申请期内。", "This settlement round is not taking applications."),
        new("settlement-round-objections-pending", Conflict, "尚有异议未处理，不能公布最终名单。", "Objections are still pending; the final list cannot be published."),
        // Rules thrown through Guard or a value type's InvalidCode, and field errors of the family desk (found by ProblemCatalogueTests)
        new("family-child-not-minor", BadRequest, "该身份证号码的持有人已满十六周岁，请读取其本人的身份证。", "This ID number belongs to a person aged 16 or over: read their own ID card."),
        new("family-evidence-kind-invalid", BadRequest, "证明类型只能是结婚证、出生医学证明或户口簿。", "The evidence is a marriage certificate, a birth certificate or a hukou booklet."),
        new("family-evidence-required", BadRequest, "请填写所附证明的编号。", "The evidence reference is required."),
        new("family-recorder-required", BadRequest, "缺少登记民警。", "The recording officer is required."),
        new("birth-certificate-number-invalid", BadRequest, "出生医学证明编号应为一个大写字母加九位数字，如 P330012345。", "A birth certificate number is one capital letter and nine digits, e.g. P330012345."),
        new("settlement-condition-set-invalid", BadRequest, "落户条件集不对。", "The settlement condition set is not valid."),
        new("settlement-index-invalid", BadRequest, "积分落户指标不对。", "The settlement index is not valid."),
        new("settlement-officer-required", BadRequest, "缺少经办民警。", "The officer is required."),
        new("settlement-reasons-required", BadRequest, "请填写理由。", "The reasons are required."),
        new("settlement-objection-value-required", BadRequest, "请填写异议所称的数值。", "The claimed value is required."),
        new("settlement-objection-claim-required", BadRequest, "请填写异议的内容。", "The objection's claim is required."),
        new("settlement-round-publicity-invalid", BadRequest, "公示天数不对。", "The publicity period is not valid."),
        new("settlement-round-publicity-running", Conflict, "公示期尚未结束。", "The publicity period is still running."),
        new("settlement-round-quota-invalid", BadRequest, "名额不对。", "The quota is not valid."),
        new("settlement-round-window-invalid", BadRequest, "申请期不对。", "The application window is not valid."),
        new("settlement-round-window-still-open", Conflict, "申请期尚未结束。", "The application window is still open."),
        new("settlement-round-wrong-stage", Conflict, "本轮积分落户当前阶段不能进行此操作。", "The round is not at the stage for this step."),
        new("settlement-round-year-invalid", BadRequest, "年度不对。", "The year is not valid."),
        new("settlement-round-exists", Conflict, "该年度的积分落户已经设立。", "A settlement round for this year already exists."),
        new("settlement-round-applicant-exists", Conflict, "该申请人已参加本轮。", "The applicant is already in this round."),
        new("settlement-round-member-is-applicant", Conflict, "同一人在本轮积分落户中不能既是申请人又是随迁人员。", "In a round a person is either an applicant or a family member settling with one, not both."),
        new("settlement-round-member-named-twice", Conflict, "该家庭成员已随本轮另一申请人落户。", "A family member named here already settles with another applicant of this round."),
        new("settlement-supervisor-required", Forbidden, "须由审核员作出决定。", "A supervisor decides this."),
        new("calendar-year-duplicate", Unprocessable, "工作日历文件重复列出了同一年份。", "The working-day calendar names a year twice."),
        new("calendar-day-outside-year", Unprocessable, "工作日历中的日期不在该年份内。", "A day of the working-day calendar falls outside its year."),
        new("calendar-make-up-not-weekend", Unprocessable, "调休上班日必须是周六或周日。", "A make-up working day is a Saturday or Sunday."),
        new("calendar-day-both", Unprocessable, "同一天不能既是假日又是调休上班日。", "A day cannot be both a holiday and a make-up working day."),
        new("jurisdiction-invalid", BadRequest, "辖区代码不对：应为 6 位区县、9 位街道乡镇或 12 位社区代码，或 all。", "A jurisdiction is a 6-digit county, 9-digit subdistrict or 12-digit community code, or all."),
        new("bulk-report-media-type", StatusCodes.Status415UnsupportedMediaType, "请上传 CSV 文件。", "Send the bulk report as a CSV file."),
        new("bulk-report-not-csv", BadRequest, "文件不是 CSV 格式，没有登记任何内容。", "The file is not CSV; nothing was recorded."),
        new("bulk-report-not-utf8", BadRequest, "文件不是 UTF-8 编码，没有登记任何内容。", "The file is not UTF-8; nothing was recorded."),
        new("bulk-report-empty", BadRequest, "文件是空的。", "The file is empty."),
        new("bulk-report-header", BadRequest, "文件的表头不对，没有登记任何内容。", "The file's header is not the expected one; nothing was recorded."),
        new("bulk-report-row-columns", BadRequest, "文件中某一行的列数不对，没有登记任何内容。", "A row has the wrong number of columns; nothing was recorded."),
        new("bulk-report-too-many-rows", BadRequest, "文件行数太多，没有登记任何内容。", "The file has too many rows; nothing was recorded."),
        new("bulk-report-type-invalid", BadRequest, "类型不对（到达或离开）。", "The row's type is not valid."),
        new("bulk-report-date-in-future", BadRequest, "日期不能在未来。", "The date is in the future."),
        new("bulk-report-name-mismatch", BadRequest, "姓名与已登记的不一致。", "The name differs from the recorded one."),

        // Permit applications
        new("application-already-open", Conflict, "该居民已有未办结的申请。", "The resident already has an undecided application."),
        new("application-already-decided", Conflict, "申请已作出决定。", "The application has already been decided."),
        new("application-wrong-status", Conflict, "申请当前状态不允许此操作。", "The application's status does not allow this."),
        new("application-due-date-already-extended", Conflict, "办理期限已经延长过。", "The due date was already extended."),
        new("application-extension-requires-supervisor", Forbidden, "只有审批人可以延长办理期限。", "Only a supervisor may extend the due date."),
        new("application-extension-reason-required", BadRequest, "请填写延长办理期限的理由。", "The reason for the extension is required.", "reason"),
        new("application-registration-required", Unprocessable, "该居民没有有效的居住登记，请先登记。", "The resident has no active residence registration."),
        new("application-registration-not-active", Unprocessable, "居住登记已不再有效。", "The registration is no longer active."),
        new("application-registration-mismatch", Unprocessable, "居住登记不是该居民的。", "The registration is not the applicant's."),
        new("application-resident-required", Unprocessable, "申请须指明居民。", "An application names its resident."),
        new("application-not-eligible", Unprocessable, "申请人不符合申领条件。", "The applicant is not eligible."),
        new("application-documents-missing", Unprocessable, "材料不齐，不能受理。", "Documents are missing; the application cannot be accepted."),
        new("application-approval-requires-supervisor", Unprocessable, "只有负责人能批准申请。", "Only a supervisor approves an application."),
        new("application-exemption-invalid", BadRequest, "豁免类别不对。", "The exemption is not valid.", "exemption"),
        new("application-document-kind-invalid", BadRequest, "材料种类不对。", "The document kind is not known."),
        new("application-document-reference-required", BadRequest, "请填写材料编号。", "The document reference is required."),
        new("application-rejection-reason-required", BadRequest, "请填写不予批准的理由。", "The reason is required: the applicant reads it.", "reason"),

        // Permits, endorsements and cards
        new("permit-not-found", NotFound, "未找到该居住证。", "No residence permit was found."),
        new("permit-number-format", BadRequest, "居住证号码格式不对。", "A permit number is 17 digits and a check character."),
        new("permit-number-check-character", BadRequest, "居住证号码校验位不对。", "The permit number's check character is wrong."),
        new("permit-number-region", BadRequest, "居住证号码中的地区代码不对。", "The permit number's region code is not valid."),
        new("permit-number-serial", Conflict, "居住证号码中的序号不对。", "The permit number's serial is not valid."),
        new("permit-number-year", Conflict, "居住证号码中的年份不对。", "The permit number's year is not valid."),
        new("permit-number-year-mismatch", Conflict, "居住证号码中的年份与签发日期不符。", "The permit number's year is not its issue year."),
        new("permit-numbers-exhausted", Conflict, "本地区本年度的居住证号码已用完。", "No permit serials are left for this region and year."),
        new("permit-application-not-approved", Conflict, "申请尚未批准，不能签发居住证。", "The application is not approved."),
        new("permit-issued-before-approval", Conflict, "签发日期不能早于批准日期。", "A permit is not issued before its approval."),
        new("permit-issuing-authority-invalid", BadRequest, "发证机关不对。", "The issuing authority is not valid."),
        new("permit-already-ended", Conflict, "居住证已被收回或注销。", "The permit has been revoked or terminated."),
        new("permit-ended", Conflict, "居住证已失效。", "The permit has ended."),
        new("permit-not-in-force", Conflict, "居住证当前无效。", "The permit is not in force."),
        new("permit-not-overdue", Conflict, "居住证未逾期签注。", "The permit is not overdue for endorsement."),
        new("permit-end-reason-invalid", BadRequest, "注销原因不对。", "The reason is LocalHukou, Death or NoLongerQualifies."),
        new("permit-end-note-invalid", BadRequest, "注销说明不对。", "The note is not valid."),
        new("permit-fraud-finding-required", BadRequest, "收回居住证须写明认定的违法事实。", "A revocation names the finding."),
        new("endorsement-outside-window", Conflict, "不在签注期内。", "It is not endorsement time."),
        new("endorsement-conditions-not-met", Conflict, "不符合签注条件。", "The holder no longer qualifies for an endorsement."),
        new("card-already-issued", Conflict, "该卡已确认发放。", "That card's issue was already confirmed."),
        new("card-not-current", Conflict, "只能处理居住证当前的卡。", "Only the permit's current card can be used."),
        new("card-not-yet-issued", Conflict, "该卡尚未发放。", "The card has not been issued yet."),
        new("card-sequence-exhausted", Conflict, "卡序号已用完。", "No card sequence numbers are left."),
        new("card-serial-invalid", BadRequest, "卡号不对。", "The card serial is not valid."),
        new("card-serial-mismatch", Conflict, "该卡已发放在另一张芯片上。", "This card belongs to another chip."),
        new("card-files-mismatch", Conflict, "从卡中读回的文件与签发的不一致。", "The files read back are not the ones issued."),
        new("card-chip-bound", Conflict, "该卡的文件已签发给另一张芯片。", "Card files were already issued to another chip."),
        new("card-chip-not-bound", Conflict, "该卡没有绑定芯片。", "No chip is bound to this card."),
        new("card-chip-key-used", Conflict, "该芯片密钥已用于另一张卡。", "This chip key is already used by another card."),
        new("card-chip-not-proven", Conflict, "芯片未能证明其密钥，不能确认发放。", "The chip did not prove its key."),
        new("card-challenge-unknown", Conflict, "核验挑战无效、已使用或已过期，请重新读卡。", "The challenge is unknown, used or expired."),
        new("card-challenge-caller-unknown", Forbidden, "只有登录的工作人员或核验终端能获取挑战。", "Only an officer or a verifier terminal gets a challenge."),
        new("status-list-base-unknown", NotFound, "该状态清单版本已过旧或不存在，请下载完整状态清单。", "That status list is too old or unknown as a delta base; download the full status list."),
        new("qr-format-invalid", BadRequest, "二维码格式只能是 json、png 或 svg。", "format is json, png or svg."),
        new("document-format-invalid", BadRequest, "文件格式只能是 png 或 pdf。", "format is png or pdf."),

        // Counters' lookups
        new("entitlement-service-out-of-scope", Forbidden, "本终端不能查询此项服务。", "This terminal may not ask about this service."),
        new("photo-not-an-image", Unprocessable, "这不是照片：请用摄像头拍摄，或上传 JPEG / PNG 图片。",
            "This is not a picture: take one with the camera or upload a JPEG or PNG."),
        new("photo-too-small", Unprocessable, "照片太小：人像裁剪后不足 358×441 像素，请靠近摄像头或上传更清晰的照片。",
            "The picture is too small: the portrait crop would be under 358×441 pixels. Move closer or upload a sharper picture."),
        new("photo-too-dark", Unprocessable, "照片太暗，看不清面部：请打开灯光或调整位置后重拍。",
            "The picture is too dark to see the face: turn on the light or move, then take it again."),
        new("photo-not-face-sized", Unprocessable, "照片不是头肩像：画面宽高相差超过一倍，请让本人正对摄像头、居中后重拍。",
            "This is not a head-and-shoulders picture: centre the person facing the camera and take it again."),
        new("photo-link-invalid", NotFound, "照片链接无效、已过期或不属于您。", "This photo link is unknown, expired or was made for someone else."),
        new("entitlement-audit-unavailable", Unavailable, "查询未能记入审计，没有给出答复，请重试。", "The lookup could not be audited; try again."),
        new("holder-facts-invalid", Unprocessable, "持证人信息不完整。", "The holder's facts are not valid."),
        new("service-catalogue-invalid", Unprocessable, "服务目录不对。", "The service catalogue is not valid."),

        // Points
        new("points-frozen", Conflict, "该居民的积分已冻结。", "The resident's points are frozen."),
        new("points-supervisor-required", Forbidden, "此项积分须由负责人录入。", "A supervisor records this."),
        new("points-entry-already-reversed", Conflict, "该积分记录已被冲销。", "This entry was already reversed."),
        new("points-entry-not-reversible", Conflict, "该积分记录不能冲销。", "This entry cannot be reversed."),
        new("points-entry-unknown", BadRequest, "没有该积分记录。", "There is no such points entry."),
        new("points-indicator-unknown", BadRequest, "积分指标不对。", "The indicator is not known."),
        new("points-indicator-not-entered", BadRequest, "该指标不能手工录入。", "This indicator is not entered by hand."),
        new("points-level-invalid", BadRequest, "积分等级不对。", "The level is not valid."),
        new("points-quantity-invalid", BadRequest, "数量不对。", "The quantity is not valid."),
        new("points-evidence-required", BadRequest, "请填写证明材料。", "The evidence is required."),
        new("points-cover-invalid", BadRequest, "社保缴纳记录不对。", "The social-insurance cover is not valid."),
        new("points-freeze-invalid", BadRequest, "冻结信息不对。", "The freeze is not valid."),
        new("points-date-invalid", Unprocessable, "日期不能早于出生日期。", "The date is before the resident's birth date."),
        new("points-accrual-month-invalid", BadRequest, "只能为已结束的月份累计积分。", "Only a month that has ended accrues."),
        new("points-what-if-date-invalid", BadRequest, "日期须在今天到十年之内。", "The date is from today to ten years ahead."),
        new("points-review-pending", Conflict, "已有一项复核在等待处理。", "A re-review of this is already waiting."),
        new("points-review-resolved", Conflict, "该复核已处理。", "This re-review was already resolved."),
        new("points-review-status-invalid", BadRequest, "复核状态不对。", "status is pending, accepted or rejected."),
        new("points-review-correction-required", BadRequest, "请写明更正内容。", "The correction is required."),
        new("points-profile-invalid", Unprocessable, "积分信息不对。", "The points profile is not valid."),
        new("points-rule-set-invalid", Unprocessable, "积分规则不对，没有发布。", "The rule set is not valid; it was not published."),
        new("points-rule-set-already-published", Unprocessable, "该版本积分规则已发布。", "This rule-set version is already published."),
        new("points-rule-set-version-not-newer", Conflict, "已有更新的版本（可能刚由别人发布），本次没有发布。请刷新页面，在最新版本上重新修改。", "A newer version exists (perhaps someone has just published one), so nothing was published. Reload the page and make your changes on the latest version."),

        // School admission
        new("admission-conditions-invalid", BadRequest, "入学条件不对。", "The admission conditions are not valid."),
        new("admission-round-exists", Conflict, "该学区该学年已有招生批次。", "A round for this zone and school year is already open."),
        new("admission-round-not-found", NotFound, "没有该招生批次。", "No admission round has this id."),
        new("admission-round-allocated", Conflict, "该批次已分配学位。", "The round's places are already allocated."),
        new("admission-run-concurrent", Conflict, "该批次正在分配学位。", "The round is being allocated right now."),
        new("admission-run-not-found", NotFound, "没有该次分配。", "No allocation run of this round has this id."),
        new("admission-child-not-linked", Unprocessable, "该儿童未登记为持证人的子女，请先登记家庭关系。", "This child is not recorded as a child of the permit's holder; record the family link first."),
        new("admission-child-already-applied", Conflict, "该儿童在本批次已有申请（每名儿童每批次限一份）。", "This child already has an application in this round (one per child per round)."),
        new("admission-permit-too-short", Unprocessable, "父母居住证连续持有的月数不足本批次要求。", "The parent's permit has not been held unbroken for the months the round requires."),

        // Jobs
        new("job-not-found", NotFound, "没有该任务。", "There is no job of this name."),
        new("job-period-invalid", BadRequest, "任务的期间不对。", "The job's period is not valid."),
        new("job-period-already-run", Conflict, "该期间的任务已运行过。", "The job was already run for this period."),
    }.ToFrozenDictionary(k => k.Code, StringComparer.Ordinal);
}
