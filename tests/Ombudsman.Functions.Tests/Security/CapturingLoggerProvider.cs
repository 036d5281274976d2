using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ombudsman.Functions.Tests.Security;

/// <summary>Keeps every log record the app writes, as any sink could see it: category, message, structured values, scopes, exception.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _records = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<CapturedLog> Records => [.. _records];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var texts = new List<string> { formatter(state, exception), state?.ToString() ?? "" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                texts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            provider._scopes?.ForEachScope(
                (scope, list) =>
                {
                    list.Add(scope?.ToString() ?? "");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs.Select(v => $"{v.Key}={v.Value}"));
                    }
                },
                texts);
            if (exception is not null)
            {
                texts.Add(exception.ToString());
                texts.Add(exception.Message);
            }

            provider._records.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), string.Join('\n', texts)));
        }
    }
}

/// <summary>One log record: its category, level, message, and all the text it carries.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, string Message, string AllText);
