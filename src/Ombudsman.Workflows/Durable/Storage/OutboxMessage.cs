using System.Text.Json.Serialization;
using Ombudsman.Workflows.Durable.Dispatch;

namespace Ombudsman.Workflows.Durable.Storage;

/// <summary>One thing a step sends after it commits. Every receiver is idempotent, so sending twice is harmless.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(SendToOrchestrator), "orchestrator")]
[JsonDerivedType(typeof(SendToActivity), "activity")]
[JsonDerivedType(typeof(StartInstance), "start")]
[JsonDerivedType(typeof(IndexDeadline), "index-deadline")]
[JsonDerivedType(typeof(RemoveDeadline), "remove-deadline")]
internal abstract record OutboxMessage;

internal sealed record SendToOrchestrator(OrchestratorMessage Message) : OutboxMessage;

internal sealed record SendToActivity(ActivityMessage Message) : OutboxMessage;

internal sealed record StartInstance(OrchestratorMessage Message) : OutboxMessage;

internal sealed record IndexDeadline(DeadlineEntry Entry) : OutboxMessage;

internal sealed record RemoveDeadline(string InstanceId, string ExecutionId, int TimerId, DateTimeOffset FireAt) : OutboxMessage;
