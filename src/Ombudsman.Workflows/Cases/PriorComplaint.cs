namespace Ombudsman.Workflows.Cases;

/// <summary>The complaint made to the provider before reporting to the Ombudsman, UU 37/2008 art. 24(1)(c).</summary>
public sealed record PriorComplaint
{
    public required DateOnly FiledOn { get; init; }

    /// <summary>What came of it (no answer, an answer that did not resolve it).</summary>
    public required string Outcome { get; init; }
}
