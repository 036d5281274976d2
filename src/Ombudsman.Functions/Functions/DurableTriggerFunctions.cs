using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Orchestrations;

namespace Ombudsman.Functions.Functions;

/// <summary>
/// The worker's non-HTTP functions: the case orchestrator and its activities as Durable Functions triggers (the same
/// classes the local host runs on the engine in process), and the schedule as timer triggers. The worker's source
/// generator finds them; <see cref="HttpRouteFunctionsMetadataTransformer"/> passes them through unchanged.
/// </summary>
internal static class DurableTriggerFunctions
{
    /// <summary>The deadline sweep, each minute (a safety net in Azure: durable timers apply deadlines on time).</summary>
    public const string DeadlineSweep = "DeadlineSweep";

    /// <summary>
    /// Tells running cases of a published holiday calendar, each minute at the half (a publication only stores the
    /// version; the cases it concerns are told here, so at most about a minute later).
    /// </summary>
    public const string CalendarAmendmentRun = "CalendarAmendments";

    /// <summary>The staff digests, at five past each hour: each office is mailed once per day after its 07:00.</summary>
    public const string StaffDigestRun = "StaffDigests";

    /// <summary>Worker-only registrations: inputs, outputs and events use the case JSON, as on the local engine.</summary>
    public static void Configure(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<WorkerOptions>(options => options.Serializer = new Azure.Core.Serialization.JsonObjectSerializer(CaseJson.Options));
    }

    [Function(CaseOrchestration.Name)]
    public static Task<CaseOutcome> Case([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CaseOrchestration().RunAsync(context, context.GetInput<CaseFiling>()!);
    }

    [Function(Case2Orchestration.Name)]
    public static Task<CaseOutcome> Case2([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Case2Orchestration().RunAsync(context, context.GetInput<CaseFiling>()!);
    }

    [Function(CaseActivityNames.AssessComplaint)]
    public static Task<IntakeAssessment> AssessComplaint([ActivityTrigger] IntakeRequest input, FunctionContext context) =>
        RunAsync<AssessComplaintActivity, IntakeRequest, IntakeAssessment>(context, CaseActivityNames.AssessComplaint, input);

    [Function(CaseActivityNames.ComputeDeadline)]
    public static Task<CaseDeadline> ComputeDeadline([ActivityTrigger] DeadlineRequest input, FunctionContext context) =>
        RunAsync<ComputeDeadlineActivity, DeadlineRequest, CaseDeadline>(context, CaseActivityNames.ComputeDeadline, input);

    [Function(CaseActivityNames.SendNotification)]
    public static Task<CaseNotificationResult> SendNotification([ActivityTrigger] CaseNotification input, FunctionContext context) =>
        RunAsync<SendNotificationActivity, CaseNotification, CaseNotificationResult>(context, CaseActivityNames.SendNotification, input);

    [Function(CaseActivityNames.RecordCase)]
    public static Task<bool> RecordCase([ActivityTrigger] CaseRecordUpdate input, FunctionContext context) =>
        RunAsync<RecordCaseActivity, CaseRecordUpdate, bool>(context, CaseActivityNames.RecordCase, input);

    [Function(CaseActivityNames.SuspensionAlertAt)]
    public static Task<DateTimeOffset> SuspensionAlertAt([ActivityTrigger] DateTimeOffset input, FunctionContext context) =>
        RunAsync<SuspensionAlertActivity, DateTimeOffset, DateTimeOffset>(context, CaseActivityNames.SuspensionAlertAt, input);

    [Function(CaseActivityNames.RuleCitation)]
    public static Task<string> RuleCitation([ActivityTrigger] RuleCitationRequest input, FunctionContext context) =>
        RunAsync<RuleCitationActivity, RuleCitationRequest, string>(context, CaseActivityNames.RuleCitation, input);

    [Function(CaseActivityNames.ResolveTransfer)]
    public static Task<CaseTransferTarget> ResolveTransfer([ActivityTrigger] CaseTransferRequest input, FunctionContext context) =>
        RunAsync<ResolveTransferActivity, CaseTransferRequest, CaseTransferTarget>(context, CaseActivityNames.ResolveTransfer, input);

    [Function(DeadlineSweep)]
    public static async Task SweepDeadlines([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sweeper = ActivatorUtilities.CreateInstance<DeadlineSweeper>(context.InstanceServices, client);
        await sweeper.SweepAsync(context.CancellationToken);
    }

    [Function(CalendarAmendmentRun)]
    public static async Task TellCasesOfPublishedCalendars([TimerTrigger("30 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fanOut = ActivatorUtilities.CreateInstance<CalendarAmendmentFanOut>(context.InstanceServices, client);
        await context.InstanceServices.GetRequiredService<Calendar.CalendarAmendmentDelivery>().DeliverPendingAsync(fanOut, context.CancellationToken);
    }

    [Function(StaffDigestRun)]
    public static async Task SendStaffDigests([TimerTrigger("0 5 * * * *")] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.InstanceServices.GetRequiredService<StaffDigests>().SendDueAsync(context.CancellationToken);
    }

    private static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(FunctionContext context, string name, TInput input)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id as string ?? "" : "";
        var activity = ActivatorUtilities.CreateInstance<TActivity>(context.InstanceServices);
        return activity.RunAsync(new FunctionActivityContext(name, instanceId), input);
    }

    /// <summary>What the engine tells an activity about itself, for activity classes run by a trigger function.</summary>
    private sealed class FunctionActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = new(name);

        public override string InstanceId { get; } = instanceId;
    }
}
