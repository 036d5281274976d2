using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ombudsman.Functions.Identity;

/// <summary>
/// Staff identity in Azure: App Service authentication (Entra ID) has signed the user in and put the principal in
/// request headers. Ignored unless <see cref="StaffIdentityOptions.EasyAuthEnabled"/>: without App Service in front,
/// the headers are whatever the caller chose to send.
/// </summary>
internal sealed class EasyAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptions<StaffIdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "EasyAuth";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!identity.Value.EasyAuthEnabled)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = EasyAuthPrincipal.Read(Request.Headers, identity.Value.OfficeClaimType, SchemeName);
        return Task.FromResult(claims is null
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName)));
    }
}
