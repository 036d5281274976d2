namespace Ombudsman.Workflows.Cases;

/// <summary>
/// The case orchestration's custom status: only small fields, since Durable Functions limits its size and a long
/// case must not rewrite its timeline on every step. Everything else is in the read model.
/// </summary>
/// <param name="InputsHandled">How many inputs the case has taken; the read model's case row carries the same count.</param>
public sealed record CaseRuntimeStatus(CaseStage Stage, string? RuleSetVersion, int InputsHandled);
