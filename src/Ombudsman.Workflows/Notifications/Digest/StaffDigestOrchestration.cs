using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// One office's morning digest, forever: wait for the next 07:00 office time, send the digest, continue as new (so
/// the history stays one day long). The timer is not a statutory deadline, so it carries no DeadlineInfo and is
/// never listed as one.
/// </summary>
internal static class StaffDigestOrchestration
{
    public const string Name = "StaffDigest";
    public const string Version = "1";
    public const string SendActivity = "SendStaffDigest";

    private static readonly RetryPolicy Retry = new() { MaxAttempts = 5, FirstDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(30) };

    /// <summary>The fixed instance id, so starting it at every app start-up is idempotent.</summary>
    public static string InstanceId(string officeId) => $"digest-{officeId}";

    public static async Task<string?> RunAsync(OrchestrationContext context, StaffDigestRun? run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var next = DigestSchedule.NextRun(OfficeTimeZone.FromCode(run.TimeZoneCode), context.CurrentUtcDateTime);
        context.SetCustomStatus(new { officeId = run.OfficeId, nextRun = next });
        await context.CreateTimer(next).Task;

        string? outcome;
        try
        {
            outcome = await context.CallActivityAsync<string>(SendActivity, run.OfficeId, Retry);
        }
        catch (TaskFailedException e)
        {
            // A morning whose digest could not be sent must not end the loop; tomorrow's run tries again.
            outcome = "not sent: " + e.Failure.Message;
        }

        context.ContinueAsNew(run);
        return outcome;
    }
}
