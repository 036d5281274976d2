namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>A case as the read model has it: the complaint as filed and its status with the whole timeline.</summary>
public sealed record CaseView(string CaseId, Complaint Complaint, CaseStatus Status, DateTimeOffset ReceivedAt, int InputsHandled, bool Waiting, bool Completed);

/// <summary>One open deadline of an office's case, for staff lists, the digest and the sweeper.</summary>
public sealed record OpenCaseDeadline(string CaseId, string Office, CaseTimerRow Timer, DateTimeOffset? RaisedAt);
