using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Access;

/// <summary>
/// When a complainant's tracking token stops working: Access:ComplainantTokenLifetimeAfterClose after the case closed
/// (the close time is the "closed" entry of the case's timeline in the read model); never while the case is open.
/// </summary>
internal sealed class ComplainantTokenExpiry(CaseReadModel cases, IOptions<ComplainantAccessOptions> options)
{
    /// <summary>The instant the case's complainant tokens expire, or null while the case is open (or unknown).</summary>
    public async Task<DateTimeOffset?> ExpiresAtAsync(string caseId, CancellationToken cancellationToken)
    {
        // The stage alone first: only a closed case pays for reading its timeline.
        var view = await cases.GetAsync(caseId, cancellationToken, withTimeline: false);
        if (view?.Status.Stage != CaseStage.Closed)
        {
            return null;
        }

        var timeline = (await cases.GetAsync(caseId, cancellationToken))?.Status.Timeline ?? [];
        var closedAt = timeline.LastOrDefault(e => e.Kind == TimelineKind.Closed)?.At;
        return closedAt + options.Value.ComplainantTokenLifetimeAfterClose;
    }

    /// <summary>The expiry of a grant: a provider link's own, a complainant token's from the case's closure.</summary>
    public async Task<DateTimeOffset?> ExpiresAtAsync(AccessGrant grant, CancellationToken cancellationToken) =>
        grant.Party == AccessParty.Complainant ? await ExpiresAtAsync(grant.CaseId, cancellationToken) : grant.ExpiresAt;
}
