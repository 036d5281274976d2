namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>A case of an office as its lists read it: the status, and the staff member it is assigned to, if any.</summary>
public sealed record OfficeCase(CaseStatus Status, CaseAssignee? Assignee);

/// <summary>The staff member a case is assigned to: the staff id and the name it was assigned under.</summary>
public sealed record CaseAssignee(string Id, string Name);
