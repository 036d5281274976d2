using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>UU 25/2009 art. 42(5): the redaction the guard proposes for a text meant for the provider, which staff then review.</summary>
public sealed class ConfidentialityRedactionTests
{
    private static readonly ComplainantIdentity SitiWithRepresentative = TestNotifications.Siti with { RepresentativeName = "Budi Santoso" };

    [Fact]
    public void Names_representative_address_email_NIK_and_phone_numbers_are_masked_and_the_guard_finds_nothing_left()
    {
        const string text = "Kuasa hukum Budi Santoso mewakili SITI RAHAYU (NIK 5371 0145 0690 0002) dari Jl. Melati  No. 7, Kupang; "
            + "hubungi +62 812-3456-7890 atau 0380 821234 atau siti.rahayu@example.test. Bu Rahayu menunggu sejak Agustus.";

        var redacted = ConfidentialityGuard.Redact(text, SitiWithRepresentative);

        Assert.Equal(
            "Kuasa hukum [nama kuasa] mewakili [nama pengadu] (NIK [NIK]) dari [alamat]; "
            + "hubungi [nomor telepon] atau [nomor telepon] atau [email]. Bu [nama pengadu] menunggu sejak Agustus.",
            redacted);
        Assert.Null(ConfidentialityGuard.FindLeak(redacted, SitiWithRepresentative));
    }

    [Fact]
    public void Dates_amounts_and_case_numbers_are_left_as_they_are()
    {
        const string text = "Layanan diterima 2026-02-20 (20-02-2026), biaya Rp 1.500.000, pengaduan PGD-2026-000043, nomor antrean 0045.";

        Assert.Equal(text, ConfidentialityGuard.Redact(text, SitiWithRepresentative));
    }

    [Fact]
    public void The_representatives_name_is_a_leak_too()
    {
        Assert.Equal("representative", ConfidentialityGuard.FindLeak("Kuasa: budi  santoso.", SitiWithRepresentative));
    }
}
