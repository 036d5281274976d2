using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ombudsman.Workflows.Activities;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Orchestrations;

namespace Ombudsman.Workflows.Cases;

/// <summary>Registers the case orchestration and its activities, and the services they use.</summary>
public static class CaseWorkflowRegistration
{
    /// <summary>Adds the case orchestration (every version still in use) and its activities to the runtime.</summary>
    public static DurableRegistry AddCaseWorkflows(this DurableRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestration<Complaint, CaseOutcome>(CaseOrchestration.Name, CaseOrchestration.Version, CaseOrchestration.RunAsync)
            .AddActivity<AssessComplaintActivity, IntakeRequest, IntakeAssessment>(CaseActivityNames.AssessComplaint)
            .AddActivity<ComputeDeadlineActivity, DeadlineRequest, CaseDeadline>(CaseActivityNames.ComputeDeadline)
            .AddActivity<SendNotificationActivity, CaseNotification, CaseNotificationResult>(CaseActivityNames.SendNotification);
    }

    /// <summary>
    /// Adds <see cref="CaseCommands"/> and an in-process notification ledger. The host also calls AddStatute and
    /// registers an <see cref="ICaseNotifier"/> (the email layer).
    /// </summary>
    public static IServiceCollection AddCaseWorkflows(this IServiceCollection services)
    {
        services.TryAddSingleton<ICaseNotificationLedger, InMemoryCaseNotificationLedger>();
        services.TryAddSingleton<CaseCommands>();
        return services;
    }
}
