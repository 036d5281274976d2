using Microsoft.Azure.Functions.Worker.Builder;

namespace Ombudsman.Functions.Functions;

/// <summary>
/// Where the worker's non-HTTP functions go: orchestration, activity and timer triggers, as [Function] methods in
/// this folder (the worker's source generator finds them; <see cref="HttpRouteFunctionsMetadataTransformer"/> passes
/// them through unchanged). Whatever they need registered on the worker only goes in <see cref="Configure"/>.
/// In worker mode the app runs none of its own queue pumps or sweepers: these functions take their place.
/// </summary>
internal static class DurableTriggerFunctions
{
    /// <summary>Worker-only registrations of the trigger functions; called after the app's services, before test overrides.</summary>
    public static void Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
    }
}
