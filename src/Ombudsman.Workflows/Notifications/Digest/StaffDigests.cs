using Ombudsman.Workflows.Offices;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// The morning digest of every configured office, for the scheduler (a timer function in Azure, the local host's
/// loop here). Run it as often as wanted: each office is mailed once per local date, after its 07:00.
/// </summary>
public sealed class StaffDigests
{
    private readonly StaffDigestService _service;
    private readonly OfficeDirectory _offices;

    internal StaffDigests(StaffDigestService service, OfficeDirectory offices)
    {
        _service = service;
        _offices = offices;
    }

    /// <summary>Sends the digests that are due; returns how many offices were mailed by this run (not before it).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default) =>
        (await _service.SendDueAsync(_offices.All, cancellationToken)).Values.Count(r => r is DeliveryResult.Delivered);
}
