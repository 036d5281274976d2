using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// When a suspension that started at the input instant is to be flagged to the head of office
/// (<see cref="StatuteOptions.SuspensionAlertDays"/> calendar days later). Read in an activity so the setting's value
/// is in the case's history: changing it later never makes a running case replay differently.
/// </summary>
internal sealed class SuspensionAlertActivity(IOptions<StatuteOptions> options) : TaskActivity<DateTimeOffset, DateTimeOffset>
{
    public override Task<DateTimeOffset> RunAsync(TaskActivityContext context, DateTimeOffset input) =>
        Task.FromResult(input.AddDays(options.Value.SuspensionAlertDays));
}
