namespace Ombudsman.Functions.Evidence;

/// <summary>Who handed a file in.</summary>
internal enum EvidenceParty
{
    Complainant,
    Provider,
    Staff,
}
