namespace Ombudsman.Workflows.Cases;

/// <summary>Who did something on a case: a role and an id (staff number, complainant or provider reference).</summary>
public sealed record CaseActor
{
    public static CaseActor System { get; } = new() { Role = CaseRole.System, Id = "system" };

    public required CaseRole Role { get; init; }

    public required string Id { get; init; }

    public string? Name { get; init; }

    public override string ToString() => Name is null ? $"{Role} {Id}" : $"{Role} {Id} ({Name})";
}
