using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Permit.Api.Security.Fields;

/// <summary>A context whose model encrypts citizen ID numbers with this protector (null at design time: migrations only need the column).</summary>
public interface ICitizenIdProtectedContext
{
    CitizenIdProtector? CitizenIdProtector { get; }
}

/// <summary>
/// EF caches one model per context type, and the encrypting converter lives in the model: a model built with one key
/// set must not be reused by a context holding another (several test hosts in one process, the design-time tools).
/// Register with <c>options.ReplaceService&lt;IModelCacheKeyFactory, CitizenIdProtectedModelCacheKeyFactory&gt;()</c>.
/// </summary>
public sealed class CitizenIdProtectedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (context.GetType(), (context as ICitizenIdProtectedContext)?.CitizenIdProtector, designTime);
    }
}
