namespace Ombudsman.Functions.Evidence;

/// <summary>Who handed a file in.</summary>
public enum EvidenceParty
{
    Complainant,
    Provider,
    Staff,
}
