using Ombudsman.Workflows.Durable;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Registers the per-office staff digest loop with the durable runtime.</summary>
public static class StaffDigestRegistration
{
    /// <summary>Adds the "StaffDigest" orchestration and its send activity; the host also calls AddCaseEmail.</summary>
    public static DurableRegistry AddStaffDigest(this DurableRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestration<StaffDigestRun, string>(StaffDigestOrchestration.Name, StaffDigestOrchestration.Version, StaffDigestOrchestration.RunAsync)
            .AddActivity<SendStaffDigestActivity, string, string>(StaffDigestOrchestration.SendActivity);
    }
}
