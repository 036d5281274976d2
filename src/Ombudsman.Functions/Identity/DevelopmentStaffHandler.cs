using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ombudsman.Functions.Identity;

/// <summary>
/// Staff identity for local work: <c>X-Dev-Staff: {id};{office};{role,role}[;{name}]</c>, e.g.
/// <c>X-Dev-Staff: 1987-01;JKT;intake-officer,examiner</c>. Anyone can send it, so it is accepted only in
/// Development or with StaffIdentity:DevelopmentScheme=true; otherwise the request stays unauthenticated. A browser
/// signed in on the development sign-in page sends instead the <see cref="DevelopmentStaff.CookieName"/> cookie with
/// a sample member's id.
/// </summary>
internal sealed class DevelopmentStaffHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<StaffIdentityOptions> identity,
    DevelopmentStaff sampleStaff)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevelopmentStaff";
    public const string HeaderName = "X-Dev-Staff";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!identity.Value.DevelopmentSchemeEnabled)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (Request.Headers[HeaderName].ToString() is not { Length: > 0 } header)
        {
            return Task.FromResult(sampleStaff.Find(Request.Cookies[DevelopmentStaff.CookieName]) is { } member
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(ClaimsOf(member.Id, member.Office, member.Roles, member.Name)), SchemeName))
                : AuthenticateResult.NoResult());
        }

        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        if (parts.Length is < 3 or > 4 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail($"{HeaderName} must be '{{id}};{{office}};{{role,role}}[;{{name}}]'."));
        }

        var claims = ClaimsOf(
            parts[0], parts[1], parts[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), parts.Length == 4 && parts[3].Length > 0 ? parts[3] : parts[0]);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName)));
    }

    private static ClaimsIdentity ClaimsOf(string id, string office, IEnumerable<string> roles, string name)
    {
        var claims = new ClaimsIdentity(SchemeName, StaffClaimTypes.Name, StaffClaimTypes.Role);
        claims.AddClaim(new Claim(StaffClaimTypes.Id, id));
        claims.AddClaim(new Claim(StaffClaimTypes.Office, office));
        claims.AddClaim(new Claim(StaffClaimTypes.Name, name));
        claims.AddClaims(roles.Select(r => new Claim(StaffClaimTypes.Role, r)));
        return claims;
    }
}
