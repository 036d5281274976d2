using Ombudsman.Workflows.Durable;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Sends one office's digest for its current local date (once per date: the digest's own key sees to it).</summary>
internal sealed class SendStaffDigestActivity(StaffDigestService digests, OfficeDirectory offices) : IActivity<string, string>
{
    public async Task<string> RunAsync(string input, CancellationToken cancellationToken)
    {
        if (offices.Find(input) is not { } office)
        {
            return $"office {input} is no longer configured; no digest";
        }

        var results = await digests.SendDueAsync([office], cancellationToken);
        return results.TryGetValue(office.OfficeId, out var result) ? result.GetType().Name : "not due yet in the office";
    }
}
