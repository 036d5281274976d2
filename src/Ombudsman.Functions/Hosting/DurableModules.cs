using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// The orchestrations and activities of every feature, registered in one place. A feature adds its registration
/// method (an <see cref="Action{DurableRegistry}"/>) to <see cref="Features"/>: one line per feature.
/// </summary>
internal static class DurableModules
{
    /// <summary>Feature registrations, in order.</summary>
    private static readonly Action<DurableRegistry>[] Features = [r => r.AddCaseWorkflows(), r => r.AddStaffDigest()];

    /// <summary>Every feature's registration, then <paramref name="extra"/> (tests and tools add their own).</summary>
    public static Action<DurableRegistry> Compose(Action<DurableRegistry>? extra = null) => registry =>
    {
        foreach (var feature in Features)
        {
            feature(registry);
        }

        extra?.Invoke(registry);
    };
}
