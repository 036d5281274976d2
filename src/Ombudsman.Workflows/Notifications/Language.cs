namespace Ombudsman.Workflows.Notifications;

/// <summary>Language of an email: Bahasa Indonesia by default, English when the complainant chose it at intake.</summary>
internal enum Language
{
    Indonesian = 0,
    English = 1,
}
