using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Orchestrations;

namespace Ombudsman.Workflows.Cases;

/// <summary>Registers the case orchestration and its activities, and the services they use.</summary>
public static class CaseWorkflowRegistration
{
    /// <summary>Adds the case orchestrator (every name still in use) and its activities to the worker.</summary>
    public static DurableTaskRegistry AddCaseWorkflows(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator(CaseOrchestration.Name, typeof(CaseOrchestration))
            .AddOrchestrator(Case2Orchestration.Name, typeof(Case2Orchestration))
            .AddActivity(CaseActivityNames.AssessComplaint, typeof(AssessComplaintActivity))
            .AddActivity(CaseActivityNames.ComputeDeadline, typeof(ComputeDeadlineActivity))
            .AddActivity(CaseActivityNames.SendNotification, typeof(SendNotificationActivity))
            .AddActivity(CaseActivityNames.RecordCase, typeof(RecordCaseActivity))
            .AddActivity(CaseActivityNames.SuspensionAlertAt, typeof(SuspensionAlertActivity))
            .AddActivity(CaseActivityNames.RuleCitation, typeof(RuleCitationActivity))
            .AddActivity(CaseActivityNames.ResolveTransfer, typeof(ResolveTransferActivity));
    }

    /// <summary>
    /// Adds <see cref="CaseCommands"/>, the deadline sweeper and an in-process notification ledger. The host also
    /// calls AddStatute, registers the <see cref="ReadModel.CaseReadModel"/> on its storage and an
    /// <see cref="ICaseNotifier"/> (the email layer).
    /// </summary>
    public static IServiceCollection AddCaseWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton<ICaseNotificationLedger, InMemoryCaseNotificationLedger>();
        // Scoped: in the Functions worker the durable client is the invocation's own binding.
        services.TryAddScoped<CaseCommands>();
        services.TryAddScoped<DeadlineSweeper>();
        services.TryAddScoped<CalendarAmendmentFanOut>();
        return services;
    }
}
