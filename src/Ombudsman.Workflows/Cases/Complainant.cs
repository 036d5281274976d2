namespace Ombudsman.Workflows.Cases;

/// <summary>The person who complains (pengadu / pelapor); identity may be kept confidential, UU 25/2009 art. 42(5).</summary>
public sealed record Complainant
{
    public required string Name { get; init; }

    /// <summary>Where the receipt and notices go; none when staff recorded the complaint for someone without email.</summary>
    public string? Email { get; init; }

    /// <summary>Full address, part of the identity UU 25/2009 art. 42(3) asks for.</summary>
    public string? Address { get; init; }

    public string? Phone { get; init; }

    /// <summary>When true the provider never sees the complainant's identity.</summary>
    public bool Confidential { get; init; }

    /// <summary>"id" (default) or "en".</summary>
    public string Language { get; init; } = "id";
}
