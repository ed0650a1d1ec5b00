using System.Security.Claims;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Audit;

/// <summary>The actor of the current HTTP request, from its authenticated principal and connection.</summary>
public sealed class HttpAuditActorSource(IHttpContextAccessor accessor) : IAuditActorSource
{
    private const int AgentMaxLength = 80;

    public AuditActor Current
    {
        get
        {
            var http = accessor.HttpContext;
            if (http is null)
                return AuditActor.System(Environment.MachineName);

            var user = http.User;
            var role = user.FindAll(PermitClaims.Role).Select(c => c.Value).FirstOrDefault();
            var terminal = user.FindFirstValue(PermitClaims.TerminalId) is { } terminalId
                ? $"terminal:{terminalId}"
                : $"ip:{http.Connection.RemoteIpAddress} agent:{Truncate(http.Request.Headers.UserAgent.ToString())}";
            return new AuditActor(
                user.FindFirstValue(PermitClaims.Subject), user.FindFirstValue(PermitClaims.Name), role, terminal);
        }
    }

    private static string Truncate(string agent) => agent.Length > AgentMaxLength ? agent[..AgentMaxLength] : agent;
}
