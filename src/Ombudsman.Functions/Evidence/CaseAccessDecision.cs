namespace Ombudsman.Functions.Evidence;

/// <summary>Whether a caller may act on a case's files, and as which party. A refusal is answered 404: a stranger never learns the case exists.</summary>
internal sealed record CaseAccessDecision(bool Allowed, EvidenceParty Party, bool Late = false)
{
    public static CaseAccessDecision Denied { get; } = new(false, EvidenceParty.Complainant);

    public static CaseAccessDecision Allow(EvidenceParty party, bool late = false) => new(true, party, late);
}
