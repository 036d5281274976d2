namespace Ombudsman.Workflows.Tests.Notifications;

internal sealed class SimulatedCrashException() : Exception("simulated crash between send and record completion");
