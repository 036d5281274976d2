using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Workflows.Offices;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// Where the console's case page sends a head of office who handed a case to another office (PO 58/2023 art. 17).
/// The transfer itself is the case page's action form, through the staff API's code; this page only says where the
/// case went, since its page is about to answer the sending office as a missing case. It shows nothing of the case
/// but the number the member already had.
/// </summary>
internal static class TransferPages
{
    public static HttpRouteTable AddTransferConsoleRoutes(this HttpRouteTable routes) => routes
        .Add(StaffConsole.Page(HttpRoute.Get("StaffConsoleCaseTransferred", "staff/cases/{caseId}/transferred", ShowAsync)));

    private static async Task<IResult> ShowAsync(
        HttpContext context, string caseId, string? to, OfficeDirectory offices, PageResponder pages, IStringLocalizer<ConsoleTransferText> t)
    {
        if (offices.Find(to) is not { } office)
        {
            return await PageErrors.PageAsync(context, StatusCodes.Status404NotFound);
        }

        var message = new MessageModel(t["Done.Title"], string.Format(CultureInfo.CurrentCulture, t["Done.Message"], caseId, office.Name))
        {
            NextSteps = [t["Done.Told"]],
            Links = [(t["Done.Cases"], ConsoleRoutes.Cases), (t["Done.Today"], ConsoleRoutes.Today)],
        };
        return await pages.MessageAsync(context, message, StatusCodes.Status200OK);
    }
}
