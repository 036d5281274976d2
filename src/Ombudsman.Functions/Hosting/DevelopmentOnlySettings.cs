namespace Ombudsman.Functions.Hosting;

/// <summary>
/// Settings that open the app to anyone who knows a header (development evidence access, the development staff
/// header) or freeze its time (the manual clock). Outside the Development environment the app refuses to start with
/// any of them, naming the setting, so a copied local configuration cannot reach a deployment silently.
/// </summary>
internal static class DevelopmentOnlySettings
{
    /// <summary>Throws naming the first development-only setting that is on, unless the environment is Development.</summary>
    public static void EnsureAllowed(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        foreach (var (setting, on) in Switches(configuration))
        {
            if (on)
            {
                throw new InvalidOperationException(
                    $"{setting} is a development-only setting and the environment is {environment.EnvironmentName}: " +
                    $"remove {setting} from this deployment's configuration, or run with the Development environment.");
            }
        }
    }

    private static IEnumerable<(string Setting, bool On)> Switches(IConfiguration configuration)
    {
        yield return ("Evidence:DevelopmentAccess=true", configuration.GetValue<bool>("Evidence:DevelopmentAccess"));
        yield return ("StaffIdentity:DevelopmentScheme=true", configuration.GetValue<bool>("StaffIdentity:DevelopmentScheme"));
        yield return ("Clock:Mode=Manual", string.Equals(configuration["Clock:Mode"], "Manual", StringComparison.OrdinalIgnoreCase));
    }
}
