namespace Ombudsman.Functions.Api;

/// <summary>Settings of section "Receipt" (UU 25/2009 art. 44).</summary>
internal sealed class ReceiptOptions
{
    public const string SectionName = "Receipt";

    /// <summary>The receiving official named on receipts of complaints taken in by the online system.</summary>
    public string ReceivingOfficial { get; set; } = "Sistem Pengaduan Daring (online complaint system)";
}
