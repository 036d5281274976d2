namespace Ombudsman.Workflows.Cases;

/// <summary>A person filing for the injured party under a power of attorney (kuasa), UU 25/2009 art. 42(2).</summary>
public sealed record Representative
{
    public required string Name { get; init; }

    public required string Email { get; init; }

    /// <summary>What the power of attorney is (e.g. "surat kuasa 2026-03-01"); the document itself is uploaded as evidence.</summary>
    public required string PowerOfAttorney { get; init; }
}
