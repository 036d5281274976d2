using System.Collections;

namespace Ombudsman.Functions.Security;

/// <summary>
/// Every logger of the app, the host's included (Microsoft.AspNetCore.Hosting logs "Request starting … ?token=…"),
/// comes from this factory: each record is checked for access tokens (<see cref="TokenRedaction"/>) before any
/// provider sees it, so no console, file, Functions host or Application Insights sink ever receives one. Filtering
/// stays with the wrapped factory, so per-provider log levels keep working.
/// </summary>
internal sealed class TokenRedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    /// <summary>Wraps the registered logger factory; call after logging is registered (the host builders do that first).</summary>
    public static void Register(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Logging must be registered before the token-redacting logger factory.");
        services.Remove(original);
        Func<IServiceProvider, ILoggerFactory> create = original switch
        {
            { ImplementationInstance: ILoggerFactory instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (ILoggerFactory)factory(sp),
            { ImplementationType: { } type } => sp => (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The registered logger factory cannot be wrapped."),
        };
        services.AddSingleton<ILoggerFactory>(sp => new TokenRedactingLoggerFactory(create(sp)));
    }

    public ILogger CreateLogger(string categoryName) => new TokenRedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class TokenRedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull =>
            Leaks(state, out var values) ? inner.BeginScope(new RedactedState(TokenRedaction.Redact(state.ToString() ?? ""), values)) : inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var stateLeaks = Leaks(state, out var values);
            var exceptionLeaks = exception is not null && TokenRedaction.Contains(exception.ToString());
            if (!stateLeaks && !exceptionLeaks && !TokenRedaction.Contains(message))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var redacted = new RedactedState(TokenRedaction.Redact(message), values);
            inner.Log(logLevel, eventId, redacted, exceptionLeaks ? new RedactedException(exception!) : exception, static (s, _) => s.Message);
        }

        /// <summary>Whether the state's text or any of its structured values holds a token; the values, masked, for the redacted record.</summary>
        private static bool Leaks<TState>(TState state, out IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            values = [];
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                var list = pairs.ToList();
                var leaks = list.Any(p => !ReferenceEquals(TokenRedaction.Redact(p.Value), p.Value));
                values = [.. list.Select(p => new KeyValuePair<string, object?>(p.Key, TokenRedaction.Redact(p.Value)))];
                return leaks || TokenRedaction.Contains(state.ToString());
            }

            return state is not null && TokenRedaction.Contains(state.ToString());
        }
    }

    /// <summary>A log record's state with its tokens masked: the message and the structured values sinks index.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }

    /// <summary>An exception whose text held a token: the same type name, message and stack, masked.</summary>
    private sealed class RedactedException(Exception original)
        : Exception($"{original.GetType().FullName}: {TokenRedaction.Redact(original.Message)}")
    {
        private readonly string text = TokenRedaction.Redact(original.ToString());

        public override string? StackTrace => null;

        public override string ToString() => text;
    }
}
