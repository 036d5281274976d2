namespace Ombudsman.Web;

/// <summary>
/// The staff console's assisted intake texts (<c>Resources/ConsoleIntakeText.resx</c>, Bahasa Indonesia;
/// <c>ConsoleIntakeText.en.resx</c>, English); the complaint's own fields keep the filing form's words (<see cref="FilingText"/>).
/// </summary>
public sealed class ConsoleIntakeText
{
    private ConsoleIntakeText()
    {
    }
}
