namespace Ombudsman.Workflows.Errors;

/// <summary>One field at fault: its path in the request (e.g. <c>complainant.email</c>), a stable code, and a message for people.</summary>
public sealed record FieldError(string Field, string Code, string Message);
