namespace Permit.Api.Security.SignIn;

public sealed record TokenRequest(string? UserName, string? Password)
{
    // Holds a password: never print it.
    public override string ToString() => $"TokenRequest {{ UserName = {UserName} }}";
}

public sealed record ActivationRequest(string? ActivationCode, string? UserName, string? Password)
{
    // Holds a one-time code and a password: never print them.
    public override string ToString() => $"ActivationRequest {{ UserName = {UserName} }}";
}
