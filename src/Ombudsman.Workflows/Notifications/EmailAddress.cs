namespace Ombudsman.Workflows.Notifications;

/// <summary>A mailbox: address plus optional display name. Rejects line breaks so no header can be injected.</summary>
internal sealed record EmailAddress
{
    public EmailAddress(string address, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1 || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("not an email address", nameof(address));
        }

        if (displayName is not null && displayName.Any(char.IsControl))
        {
            throw new ArgumentException("a display name cannot contain control characters", nameof(displayName));
        }

        Address = address;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName;
    }

    public string Address { get; }

    public string? DisplayName { get; }

    /// <summary>The part after '@', used for Message-ID values.</summary>
    public string Domain => Address[(Address.IndexOf('@', StringComparison.Ordinal) + 1)..];

    public override string ToString() => Address;
}
