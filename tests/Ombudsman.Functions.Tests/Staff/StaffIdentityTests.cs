using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>
/// Staff identity: the App Service authentication headers are read as Entra ID puts them, and trusted only when App
/// Service is known to be in front; the development header only in Development.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffIdentityTests(AzuriteFixture azurite)
{
    /// <summary>A client principal as App Service writes it for Entra ID, with app roles and an office claim.</summary>
    private const string EntraPrincipalJson = """
        {
          "auth_typ": "aad",
          "claims": [
            { "typ": "aud", "val": "0d7f5a7c-5a0e-4c3f-9a43-6b3e2f9e1a11" },
            { "typ": "http://schemas.microsoft.com/identity/claims/objectidentifier", "val": "6f1c2d3e-0000-4a5b-9c8d-112233445566" },
            { "typ": "name", "val": "Dewi Lestari" },
            { "typ": "preferred_username", "val": "dewi@ombudsman.example.test" },
            { "typ": "roles", "val": "intake-officer" },
            { "typ": "roles", "val": "examiner" },
            { "typ": "roles", "val": "Reader" },
            { "typ": "office", "val": "JKT" }
          ],
          "name_typ": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
          "role_typ": "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"
        }
        """;

    [Fact]
    public void The_client_principal_header_gives_the_staff_id_name_office_and_staff_roles()
    {
        var headers = new HeaderDictionary
        {
            [EasyAuthPrincipal.PrincipalHeader] = Base64(EntraPrincipalJson),
            [EasyAuthPrincipal.NameHeader] = "dewi@ombudsman.example.test",
            [EasyAuthPrincipal.IdHeader] = "6f1c2d3e-0000-4a5b-9c8d-112233445566",
        };

        var identity = EasyAuthPrincipal.Read(headers, StaffClaimTypes.Office, "EasyAuth");
        var member = StaffMember.From(new ClaimsPrincipal(identity!));

        Assert.NotNull(member);
        Assert.Equal("6f1c2d3e-0000-4a5b-9c8d-112233445566", member.Id);
        Assert.Equal("Dewi Lestari", member.Name);
        Assert.Equal("JKT", member.Office);
        Assert.Equal(new[] { "intake-officer", "examiner" }, member.Roles);
    }

    [Fact]
    public void The_office_claim_type_is_configurable_and_a_principal_without_it_is_no_staff_member()
    {
        var json = EntraPrincipalJson.Replace("\"typ\": \"office\"", "\"typ\": \"extn.office\"", StringComparison.Ordinal);
        var headers = new HeaderDictionary { [EasyAuthPrincipal.PrincipalHeader] = Base64(json) };

        var withDefault = StaffMember.From(new ClaimsPrincipal(EasyAuthPrincipal.Read(headers, StaffClaimTypes.Office, "EasyAuth")!));
        var configured = StaffMember.From(new ClaimsPrincipal(EasyAuthPrincipal.Read(headers, "extn.office", "EasyAuth")!));

        Assert.Null(withDefault);
        Assert.Equal("JKT", configured?.Office);
    }

    [Fact]
    public void A_header_that_is_not_base64_json_is_no_principal()
    {
        Assert.Null(EasyAuthPrincipal.Read(new HeaderDictionary { [EasyAuthPrincipal.PrincipalHeader] = "not base64!" }, StaffClaimTypes.Office, "EasyAuth"));
        Assert.Null(EasyAuthPrincipal.Read(new HeaderDictionary { [EasyAuthPrincipal.PrincipalHeader] = Base64("[1,2]") }, StaffClaimTypes.Office, "EasyAuth"));
        Assert.Null(EasyAuthPrincipal.Read(new HeaderDictionary(), StaffClaimTypes.Office, "EasyAuth"));
    }

    [Fact]
    public async Task App_Service_headers_are_trusted_when_App_Service_authentication_is_on()
    {
        await using var app = await StaffApp.StartAsync(azurite, ["WEBSITE_AUTH_ENABLED=True"]);

        using var response = await SendWithPrincipalAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task App_Service_headers_are_ignored_when_App_Service_authentication_is_not_on()
    {
        await using var app = await StaffApp.StartAsync(azurite);

        using var response = await SendWithPrincipalAsync(app);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_development_header_is_refused_outside_Development()
    {
        await using var app = await StaffApp.StartAsync(azurite, ["environment=Production"]);

        using var response = await app.SendAsync(HttpMethod.Get, "/api/staff/cases", StaffApp.JakartaHead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_development_header_can_be_turned_off_in_Development()
    {
        await using var app = await StaffApp.StartAsync(azurite, ["StaffIdentity:DevelopmentScheme=false"]);

        using var response = await app.SendAsync(HttpMethod.Get, "/api/staff/cases", StaffApp.JakartaHead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendWithPrincipalAsync(StaffApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/cases");
        request.Headers.Add(EasyAuthPrincipal.PrincipalHeader, Base64(EntraPrincipalJson));
        request.Headers.Add(EasyAuthPrincipal.NameHeader, "dewi@ombudsman.example.test");
        request.Headers.Add(EasyAuthPrincipal.IdHeader, "6f1c2d3e-0000-4a5b-9c8d-112233445566");
        return await app.App.Client.SendAsync(request);
    }

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
