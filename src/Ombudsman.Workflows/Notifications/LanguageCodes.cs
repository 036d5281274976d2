namespace Ombudsman.Workflows.Notifications;

/// <summary>BCP 47 codes used in template file names and the HTML <c>lang</c> attribute.</summary>
internal static class LanguageCodes
{
    public static string Code(this Language language) => language switch
    {
        Language.Indonesian => "id",
        Language.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "unknown language"),
    };

    public static Language FromCode(string code) => code switch
    {
        "id" => Language.Indonesian,
        "en" => Language.English,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "unknown language code"),
    };
}
