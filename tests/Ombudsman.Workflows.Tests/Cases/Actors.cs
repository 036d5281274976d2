using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>The people who act in scenario tests, and the actions they send.</summary>
internal static class Actors
{
    public static readonly CaseActor Staff = new() { Role = CaseRole.Staff, Id = "staff-17", Name = "Budi" };
    public static readonly CaseActor TheComplainant = new() { Role = CaseRole.Complainant, Id = "complainant-1" };
    public static readonly CaseActor TheProvider = new() { Role = CaseRole.Provider, Id = "provider-bpn" };

    public static CaseAction By(CaseActor actor, string? note = null) => new() { Actor = actor, Note = note };
}
