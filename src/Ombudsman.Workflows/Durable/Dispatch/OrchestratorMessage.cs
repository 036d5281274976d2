using Ombudsman.Workflows.Durable.History;

namespace Ombudsman.Workflows.Durable.Dispatch;

/// <summary>An event for an instance; <c>Event.MessageId</c> identifies it so a redelivery is ignored.</summary>
internal sealed record OrchestratorMessage(string InstanceId, string? ExecutionId, HistoryEvent Event);
