namespace Ombudsman.Web;

/// <summary>The complainant's tracking pages' texts: <c>Resources/TrackingText.resx</c> (Bahasa Indonesia) and <c>.en.resx</c>.</summary>
public sealed class TrackingText
{
    private TrackingText()
    {
    }
}
