using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Benchmarks;

/// <summary>
/// Until POST /api/complaints (branch <c>public</c>) is in this tree: an endpoint that takes the same body and files it
/// the way that endpoint does, through <see cref="CaseCommands.FileAsync"/>, answering 201 with the case id. It does not
/// validate every art. 42 field or issue a tracking token (one table insert), so it is a lower bound on the real cost.
/// </summary>
internal static class ComplaintFilingStandIn
{
    public const string Path = "/bench/complaints";

    private static readonly RegionalOffice Jakarta = new() { Code = "JKT", Name = "Perwakilan Jakarta Raya", TimeZoneCode = "WIB" };

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, async (FilingBody body, CaseCommands cases, CancellationToken cancellationToken) =>
        {
            var caseId = "bench-" + Guid.NewGuid().ToString("N");
            await cases.FileAsync(caseId, new Complaint
            {
                Path = ComplaintPath.Provider,
                Office = Jakarta,
                Complainant = new Complainant { Name = body.Complainant.Name, Email = body.Complainant.Email ?? string.Empty },
                Provider = new Provider { Name = body.Provider.Name, Kind = ProviderKind.GovernmentUnit },
                Description = body.Description,
                RemedyAsked = body.RemedyAsked,
                ServiceReceivedOn = DateOnly.ParseExact(body.ServiceReceivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, cancellationToken);
            return Results.Created($"/api/complaints/{caseId}/receipt", new { caseId });
        });

    /// <summary>The part of the public filing body the stand-in reads.</summary>
    internal sealed record FilingBody(FilingParty Complainant, FilingParty Provider, string Description, string RemedyAsked, string ServiceReceivedOn);

    internal sealed record FilingParty(string Name, string? Email);
}
