namespace Ombudsman.Web;

/// <summary>
/// The staff console's texts (<c>Resources/StaffText.resx</c>, Bahasa Indonesia; <c>StaffText.en.resx</c>, English),
/// apart from the public pages' so each area's words are found in one place.
/// </summary>
public sealed class StaffText
{
    private StaffText()
    {
    }
}
