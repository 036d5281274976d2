using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.Access;

/// <summary>
/// Where a provider opens its page of a case: setting Email:UploadBaseUrl (the public provider page,
/// <c>https://&lt;site&gt;/provider/</c>) with the case id appended. In Development without that setting, the app's
/// own address (<c>http://127.0.0.1:7071/provider/{caseId}</c> under scripts/run.sh), so a link from the local mail
/// folder opens the running app.
/// </summary>
internal sealed class ProviderPageAddress(CaseEmailOptions links, IConfiguration configuration, IHostEnvironment environment, IServiceProvider services)
{
    /// <summary>The page's address with the link's token: the one place the token is written, into the provider's email and staff's answer.</summary>
    public string WithToken(string caseId, string token) => Of(caseId) + "?token=" + Uri.EscapeDataString(token);

    public string Of(string caseId)
    {
        var configured = !string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.Section}:{nameof(CaseEmailOptions.UploadBaseUrl)}"]);
        if (configured || !environment.IsDevelopment() || OwnAddress() is not { } own)
        {
            return links.UploadLink(caseId);
        }

        return own + Web.Routes.ProviderCase(caseId);
    }

    /// <summary>The first address the local server listens on (known once it started), wildcards read as loopback.</summary>
    private string? OwnAddress()
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
