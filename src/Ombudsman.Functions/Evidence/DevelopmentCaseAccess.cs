namespace Ombudsman.Functions.Evidence;

/// <summary>
/// DEVELOPMENT ONLY: lets anyone act on any case, as the party named in the <c>X-Dev-Party</c> header
/// (complainant, provider or staff; complainant when absent). Registered only in the Development environment (where
/// <c>Evidence:DevelopmentAccess=false</c> turns it off; outside Development that setting stops the app at start-up),
/// behind the token-based access, for requests that carry no token.
/// </summary>
internal sealed class DevelopmentCaseAccess : ICaseAccess
{
    public const string PartyHeader = "X-Dev-Party";

    public ValueTask<CaseAccessDecision> CheckAsync(HttpContext context, string caseId, EvidenceAction action, CancellationToken cancellationToken)
    {
        var header = context.Request.Headers[PartyHeader].ToString();
        var party = Enum.TryParse<EvidenceParty>(header, ignoreCase: true, out var named) && Enum.IsDefined(named) ? named : EvidenceParty.Complainant;
        return ValueTask.FromResult(CaseAccessDecision.Allow(party));
    }
}
