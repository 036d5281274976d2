using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ombudsman.Functions.Identity;

/// <summary>
/// Reads the App Service authentication ("Easy Auth") headers: <c>X-MS-CLIENT-PRINCIPAL</c> is Base64 JSON
/// <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c>; <c>X-MS-CLIENT-PRINCIPAL-ID</c> and
/// <c>-NAME</c> carry the caller's id and name. Entra app roles arrive as claims of type <c>role_typ</c> (often "roles").
/// </summary>
internal static class EasyAuthPrincipal
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string IdHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";

    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>The staff claims of the request's principal, or null when the headers are absent or unreadable.</summary>
    public static ClaimsIdentity? Read(IHeaderDictionary headers, string officeClaimType, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers[PrincipalHeader].ToString() is not { Length: > 0 } encoded || Decode(encoded) is not { } principal)
        {
            return null;
        }

        var claims = principal.Claims ?? [];
        string? First(params string?[] types) =>
            claims.FirstOrDefault(c => types.Contains(c.Type, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(c.Value))?.Value;

        var id = First(ObjectIdClaim, "oid") ?? NonEmpty(headers[IdHeader].ToString());
        var name = First(principal.NameType, "name") ?? NonEmpty(headers[NameHeader].ToString());
        var office = First(officeClaimType);
        var roles = claims
            .Where(c => string.Equals(c.Type, principal.RoleType ?? "roles", StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Type, "roles", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Value)
            .Where(v => v is not null)
            .Distinct(StringComparer.Ordinal);

        var identity = new ClaimsIdentity(authenticationType, StaffClaimTypes.Name, StaffClaimTypes.Role);
        if (id is not null)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.Id, id));
        }

        if (name is not null)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.Name, name));
        }

        if (office is not null)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.Office, office));
        }

        identity.AddClaims(roles.Select(r => new Claim(StaffClaimTypes.Role, r!)));
        return identity;
    }

    private static ClientPrincipal? Decode(string encoded)
    {
        try
        {
            return JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private sealed record ClientPrincipal
    {
        [JsonPropertyName("auth_typ")]
        public string? AuthenticationType { get; init; }

        [JsonPropertyName("name_typ")]
        public string? NameType { get; init; }

        [JsonPropertyName("role_typ")]
        public string? RoleType { get; init; }

        [JsonPropertyName("claims")]
        public IReadOnlyList<ClientClaim>? Claims { get; init; }
    }

    private sealed record ClientClaim
    {
        [JsonPropertyName("typ")]
        public string? Type { get; init; }

        [JsonPropertyName("val")]
        public string? Value { get; init; }
    }
}
