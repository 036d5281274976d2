using Ombudsman.Workflows.Offices;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Sends each office its morning digest once its 07:00 has passed. Safe to run as often as wanted (an hourly timer,
/// a catch-up after downtime): the per-office, per-local-date key lets only the first run of the day mail, and a
/// run that failed for an office leaves that day's digest to the next run.
/// </summary>
internal sealed class StaffDigestService(IOpenDeadlineSource deadlines, INotificationSender sender, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<string, DeliveryResult>> SendDueAsync(IEnumerable<ConfiguredOffice> offices, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, DeliveryResult>(StringComparer.Ordinal);
        var failures = new List<Exception>();
        foreach (var office in offices)
        {
            var now = time.GetUtcNow();
            if (!DigestSchedule.IsDue(office.TimeZone, now))
            {
                continue;
            }

            try
            {
                var open = await deadlines.ListDueAsync(office.OfficeId, now + StaffDigestBuilder.DueSoonWindow, cancellationToken);
                results[office.OfficeId] = await sender.SendAsync(StaffDigestBuilder.Build(office, open, now), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One office's trouble (mail down, its deadlines unreadable, a bad mailbox) must not hold back the
                // others. The next run tries its digest again, and the send record keeps that to one email; the
                // failure still surfaces below.
                failures.Add(e);
            }
        }

        return failures.Count == 0 ? results : throw new AggregateException("some office digests were not sent; a later run retries them", failures);
    }
}
