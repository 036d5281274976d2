namespace Ombudsman.Functions.Api;

/// <summary>
/// The body of POST /api/complaints: every item of UU 25/2009 art. 42 (and UU 37/2008 art. 24 for a report to the
/// Ombudsman). Dates and choices are strings so a bad one is reported against its field with every other problem.
/// </summary>
internal sealed record FilingRequest
{
    /// <summary>"provider" (complaint to the provider, UU 25/2009) or "ombudsman" (report, UU 37/2008).</summary>
    public string? Path { get; init; }

    /// <summary>Office code, e.g. "JKT".</summary>
    public string? Office { get; init; }

    public ComplainantForm? Complainant { get; init; }

    public RepresentativeForm? Representative { get; init; }

    public ProviderForm? Provider { get; init; }

    public string? Description { get; init; }

    public string? RemedyAsked { get; init; }

    /// <summary>Provider path: yyyy-MM-dd the service was received (P1).</summary>
    public string? ServiceReceivedOn { get; init; }

    /// <summary>Ombudsman path: yyyy-MM-dd of the act or decision complained of (O1).</summary>
    public string? EventOn { get; init; }

    public decimal? CompensationClaim { get; init; }

    public PriorComplaintForm? PriorComplaint { get; init; }

    /// <summary>Where the complaint is made (art. 42(3)); the time is the moment it is received.</summary>
    public string? FiledAtPlace { get; init; }

    /// <summary>The complainant's (or representative's) full name, typed as a signature (art. 42(3)).</summary>
    public string? Signature { get; init; }
}

/// <summary>The complainant's identity (art. 42(3)); <see cref="Confidential"/> hides it from the provider (art. 42(5)).</summary>
internal sealed record ComplainantForm
{
    public string? Name { get; init; }

    public string? Address { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public bool Confidential { get; init; }

    /// <summary>"id" (default) or "en".</summary>
    public string? Language { get; init; }
}

/// <summary>Someone filing under a power of attorney (art. 42(2)).</summary>
internal sealed record RepresentativeForm
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? PowerOfAttorney { get; init; }
}

/// <summary>The provider complained of.</summary>
internal sealed record ProviderForm
{
    public string? Name { get; init; }

    /// <summary>"implementingOfficer", "governmentUnit" or "corporation" (routing, art. 46).</summary>
    public string? Kind { get; init; }

    public string? Email { get; init; }
}

/// <summary>The prior complaint to the provider (UU 37/2008 art. 24(1)(c)).</summary>
internal sealed record PriorComplaintForm
{
    public string? FiledOn { get; init; }

    public string? Outcome { get; init; }
}
