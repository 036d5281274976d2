using Microsoft.DurableTask;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>The context an activity gets from the engine, for running an activity class directly.</summary>
internal sealed class TestActivityContext(string name, string instanceId) : TaskActivityContext
{
    public static TestActivityContext ForCase(string caseId = "case-1") => new("test", caseId);

    public override TaskName Name { get; } = new(name);

    public override string InstanceId { get; } = instanceId;
}
