using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Tests.Cases;

/// <summary>Builds complaints for scenario tests: a provider-path complaint filed in time unless told otherwise.</summary>
internal sealed class ComplaintBuilder
{
    public static readonly RegionalOffice Jakarta = new() { Code = "JKT", Name = "Perwakilan Jakarta Raya", TimeZoneCode = "WIB" };

    private Complaint _complaint = new()
    {
        Path = ComplaintPath.Provider,
        Office = Jakarta,
        Complainant = new Complainant { Name = "Siti Rahayu", Email = "siti@example.test" },
        Provider = new Provider { Name = "Kantor Pertanahan Kota Bekasi", Kind = ProviderKind.GovernmentUnit, Email = "pengaduan@bpn-bekasi.example.test" },
        Description = "Land certificate not issued within the service standard; two trips lost.",
        RemedyAsked = "Issue the certificate and refund the travel costs.",
        ServiceReceivedOn = new DateOnly(2026, 2, 20),
    };

    public ComplaintBuilder ServiceReceivedOn(DateOnly date)
    {
        _complaint = _complaint with { ServiceReceivedOn = date };
        return this;
    }

    /// <summary>A report to the Ombudsman about an event on <paramref name="eventOn"/>, with a prior complaint.</summary>
    public ComplaintBuilder ToOmbudsman(DateOnly eventOn)
    {
        _complaint = _complaint with
        {
            Path = ComplaintPath.Ombudsman,
            ServiceReceivedOn = null,
            EventOn = eventOn,
            PriorComplaint = new PriorComplaint { FiledOn = eventOn.AddDays(10), Outcome = "No answer from the provider." },
        };
        return this;
    }

    public ComplaintBuilder WithoutPriorComplaint(PriorComplaintOverride? overridden = null)
    {
        _complaint = _complaint with { PriorComplaint = null, PriorComplaintOverride = overridden };
        return this;
    }

    public ComplaintBuilder ClaimingCompensation(decimal amount)
    {
        _complaint = _complaint with { CompensationClaim = amount };
        return this;
    }

    public ComplaintBuilder Confidential()
    {
        _complaint = _complaint with { Complainant = _complaint.Complainant with { Confidential = true } };
        return this;
    }

    public Complaint Build() => _complaint;
}
