namespace Permit.Api.Keys.Trust;

/// <summary>The media type of the signed trust list (and of the revocation list): a COSE_Sign1 message.</summary>
public static class TrustListMedia
{
    public const string ContentType = "application/cose; cose-type=\"cose-sign1\"";
}
