namespace Ombudsman.Functions.Evidence;

/// <summary>What a caller wants to do with a case's files.</summary>
internal enum EvidenceAction
{
    Upload,
    Read,
}
