using System.Text.Json.Nodes;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Open deadlines from the durable runtime's deadline index, by the "office" index field the case orchestration
/// sets; the stage comes from each case's custom status.
/// </summary>
internal sealed class DeadlineIndexOpenDeadlineSource(DurableClient client) : IOpenDeadlineSource
{
    /// <summary>The index field the case orchestration sets to the office's id.</summary>
    public const string OfficeField = "office";

    public async Task<IReadOnlyList<OpenDeadline>> ListDueAsync(string officeId, DateTimeOffset dueAtOrBefore, CancellationToken cancellationToken)
    {
        var deadlines = await client.ListDeadlinesAsync(
            new DeadlineQuery
            {
                DueFrom = DateTimeOffset.MinValue,
                DueTo = dueAtOrBefore.AddTicks(1),
                IndexFields = new Dictionary<string, string> { [OfficeField] = officeId },
                MaxResults = 10_000,
            },
            cancellationToken);

        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new List<OpenDeadline>(deadlines.Count);
        foreach (var deadline in deadlines)
        {
            if (!stages.TryGetValue(deadline.InstanceId, out var stage))
            {
                var status = await client.GetStatusAsync(deadline.InstanceId, cancellationToken);
                stages[deadline.InstanceId] = stage = StageOf(status?.CustomStatus);
            }

            open.Add(new OpenDeadline
            {
                OfficeId = officeId,
                CaseId = deadline.InstanceId,
                RuleId = deadline.Deadline.RuleId ?? deadline.Deadline.Kind,
                Citation = deadline.Deadline.Citation,
                DueAt = deadline.DueAt,
                Stage = stage,
            });
        }

        return open;
    }

    private static string StageOf(string? customStatus) =>
        customStatus is not null && JsonNode.Parse(customStatus) is JsonObject status && status["stage"] is JsonValue stage
            ? stage.ToString()
            : "-";
}
