namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>Bounded waiting for a condition (never a fixed sleep).</summary>
internal static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
