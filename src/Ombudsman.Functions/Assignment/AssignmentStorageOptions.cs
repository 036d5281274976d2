namespace Ombudsman.Functions.Assignment;

/// <summary>
/// Where assignments and the staff directory are kept: the tables named by the settings
/// StorageNames:AssignmentsTable and StorageNames:StaffDirectoryTable.
/// </summary>
internal sealed record AssignmentStorageOptions
{
    public string AssignmentsTable { get; init; } = "OmbudsmanAssignments";

    public string StaffDirectoryTable { get; init; } = "OmbudsmanStaffDirectory";
}
