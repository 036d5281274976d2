using Microsoft.DurableTask.Client;

namespace Ombudsman.Functions.Functions;

/// <summary>The current invocation's [DurableClient] binding (scoped), so services can resolve <see cref="DurableTaskClient"/>.</summary>
internal sealed class InvocationDurableClient
{
    public DurableTaskClient? Client { get; set; }

    public DurableTaskClient Required =>
        Client ?? throw new InvalidOperationException("This invocation has no [DurableClient] binding: only HTTP route functions set it.");
}
