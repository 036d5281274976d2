namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// The complainant's identifying details (UU 25/2009 art. 42(5): identity may be kept confidential). Carried on
/// provider notifications of confidential cases only so the guard can prove none of it is in the rendered email.
/// </summary>
internal sealed record ComplainantIdentity
{
    public required string Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }
}
