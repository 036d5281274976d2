using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ombudsman.Functions.Identity;

/// <summary>Registers staff authentication (App Service headers in Azure, the development header locally) and the staff policy.</summary>
internal static class StaffIdentityServiceCollectionExtensions
{
    /// <summary>Requires an authenticated staff member with an office and at least one staff role.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Requires an authenticated staff member with the administrator role (publishing the holiday calendar).</summary>
    public const string AdministratorPolicy = "administrator";

    /// <summary>Requires an authenticated staff member with a case role or the administrator role.</summary>
    public const string StaffOrAdministratorPolicy = "staff-or-administrator";

    private const string SelectorScheme = "Staff";

    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(StaffIdentityOptions.SectionName);
        services.AddOptions<StaffIdentityOptions>().Configure(options =>
        {
            options.OfficeClaimType = section["OfficeClaimType"] is { Length: > 0 } office ? office : StaffClaimTypes.Office;
            options.EasyAuthEnabled = section.GetValue<bool?>("EasyAuth")
                ?? string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "True", StringComparison.OrdinalIgnoreCase);
            options.DevelopmentSchemeEnabled = section.GetValue<bool?>("DevelopmentScheme") ?? environment.IsDevelopment();
        });

        services.AddSingleton<DevelopmentStaff>();
        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Staff", policy => policy.ForwardDefaultSelector = context =>
                (context.Request.Headers.ContainsKey(DevelopmentStaffHandler.HeaderName) || context.Request.Cookies.ContainsKey(DevelopmentStaff.CookieName))
                    && context.RequestServices.GetRequiredService<IOptions<StaffIdentityOptions>>().Value.DevelopmentSchemeEnabled
                    ? DevelopmentStaffHandler.SchemeName
                    : EasyAuthHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, EasyAuthHandler>(EasyAuthHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, DevelopmentStaffHandler>(DevelopmentStaffHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(StaffClaimTypes.Id)
                .RequireClaim(StaffClaimTypes.Office)
                .RequireRole(StaffRoles.All))
            .AddPolicy(AdministratorPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(StaffClaimTypes.Id)
                .RequireRole(StaffRoles.Administrator))
            .AddPolicy(StaffOrAdministratorPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(StaffClaimTypes.Id)
                .RequireRole([.. StaffRoles.All, StaffRoles.Administrator]));
        return services;
    }
}
