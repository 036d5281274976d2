namespace Ombudsman.Workflows.Durable;

/// <summary>Instance ids become table partition keys and blob names, so they are kept to what both accept.</summary>
internal static class InstanceIds
{
    public static void Validate(string instanceId)
    {
        if (instanceId.Length is 0 or > 200 || instanceId.Any(c => c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c)))
        {
            throw new ArgumentException($"Instance id '{instanceId}' must be 1-200 characters without / \\ # ? | or control characters.", nameof(instanceId));
        }
    }
}
