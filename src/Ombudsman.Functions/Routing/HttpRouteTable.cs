using System.Collections;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Clock;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Staff;
using Ombudsman.Functions.StaffPages;

namespace Ombudsman.Functions.Routing;

/// <summary>
/// Every HTTP route the app serves, in one list both hosts derive from: the local ASP.NET Core host maps each entry
/// (<see cref="HttpRouteMapping"/>), the Functions worker reports each as an HTTP function and runs it through the same
/// endpoint (<c>Functions/HttpRouteFunction</c>). Each feature contributes its entries (<c>Add…Routes</c>).
/// </summary>
internal sealed class HttpRouteTable : IReadOnlyList<HttpRoute>
{
    private readonly List<HttpRoute> routes = [];
    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);

    public int Count => routes.Count;

    public HttpRoute this[int index] => routes[index];

    /// <summary>The app's routes; the development clock's only when <paramref name="clockEndpoints"/> (a manual clock).</summary>
    public static HttpRouteTable Create(bool clockEndpoints)
    {
        // In this order the OpenAPI document lists the paths.
        var table = new HttpRouteTable()
            .Add(HttpRoute.Mapped("OpenApi", [HttpMethods.Get], "openapi/{documentName}.json", (endpoints, pattern) => endpoints.MapOpenApi(pattern)))
            .AddHealthRoutes()
            .AddTrackingRoutes()
            .AddStatuteRoutes()
            .AddEvidenceRoutes()
            .AddStaffRoutes()
            .AddDisclosureRoutes()
            .AddComplaintRoutes()
            .AddProviderRoutes()
            .AddPageRoutes()
            .AddFilingPageRoutes()
            .AddTrackingPageRoutes()
            .AddProviderPageRoutes()
            .AddStaffSignInRoutes()
            .AddIntakeConsoleRoutes()
            .AddCaseConsoleRoutes()
            .AddAssignmentConsoleRoutes()
            .AddConsoleListRoutes()
            .AddStatisticsConsoleRoutes()
            .AddTransferConsoleRoutes();
        return clockEndpoints ? table.AddClockRoutes() : table;
    }

    public HttpRouteTable Add(HttpRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);

        // Function names are case-insensitive in Azure Functions.
        if (!names.Add(route.Name))
        {
            throw new InvalidOperationException($"Two routes are named '{route.Name}'.");
        }

        routes.Add(route);
        return this;
    }

    public IEnumerator<HttpRoute> GetEnumerator() => routes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
