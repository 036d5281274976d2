namespace Ombudsman.Web;

/// <summary>
/// The texts of the staff console's case page (<c>Resources/ConsoleCaseText.resx</c>, Bahasa Indonesia;
/// <c>ConsoleCaseText.en.resx</c>, English): parties, complaint, deadlines, timeline, files, actions, provider link, assignment.
/// </summary>
public sealed class ConsoleCaseText
{
    private ConsoleCaseText()
    {
    }
}
