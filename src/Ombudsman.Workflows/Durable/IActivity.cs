namespace Ombudsman.Workflows.Durable;

/// <summary>An activity class resolved from DI per execution; may do I/O. Runs at least once per scheduled task.</summary>
public interface IActivity<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}
