namespace Ombudsman.Functions.Evidence;

/// <summary>What a caller wants to do with a case's files.</summary>
public enum EvidenceAction
{
    Upload,
    Read,
}
