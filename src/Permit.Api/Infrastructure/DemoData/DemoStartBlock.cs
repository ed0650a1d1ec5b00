using System.Globalization;
using System.Text;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// The short block a developer sees once the demo is up: the address, the demo accounts with their secrets, the simulated
/// readers' panel and what to try first. Written straight to the console, not through the logger: the passwords must not
/// reach the log files.
/// </summary>
public sealed class DemoStartBlock
{
    public const string FirstLine = "──── Permit demo is ready · Development · SIMULATED card readers ────";
    public const string LastLine = "────";

    /// <summary>The accounts' lines (the contents of demo-accounts.txt), or null when they could not be shown.</summary>
    public string? Accounts { get; set; }

    public string AccountsFile { get; set; } = "data/" + DemoAccounts.FileName;

    public string Render(string apiUrl, string agentLines)
    {
        var block = new StringBuilder();
        block.Append('\n').Append(FirstLine).Append('\n');
        block.Append(CultureInfo.InvariantCulture, $"Open {apiUrl}/\n");
        if (Accounts is { } accounts)
        {
            block.Append(CultureInfo.InvariantCulture, $"Demo accounts of this database (Development only; also in {AccountsFile}):\n");
            block.Append(accounts);
        }
        else
        {
            block.Append(CultureInfo.InvariantCulture, $"The demo accounts exist but {AccountsFile} is gone: delete the database to make them afresh.\n");
        }

        block.Append(agentLines).Append('\n');
        block.Append("Try first: /signin as demo.registrar → 读取身份证 → 登记居民 → 办理居住登记 → 提交申请 → 受理;\n");
        block.Append("  as demo.supervisor 批准 (/desk/queue) → 签发居住证 → 写卡; pull the card on the desk panel (it is carried to the counter), tap it on the counter panel;\n");
        block.Append("  /counter with the clinic key → 读卡核验; /me as demo.holder.\n");
        block.Append(LastLine).Append('\n');
        return block.ToString();
    }
}
