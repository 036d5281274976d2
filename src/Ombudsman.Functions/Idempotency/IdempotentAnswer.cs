namespace Ombudsman.Functions.Idempotency;

/// <summary>The first answer to a key, as sent: status, the headers the endpoint set (Location, Content-Type, …) and the body.</summary>
internal sealed record IdempotentAnswer(int Status, IReadOnlyDictionary<string, string[]> Headers, byte[] Body);
