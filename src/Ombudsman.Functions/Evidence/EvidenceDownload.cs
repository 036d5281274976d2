namespace Ombudsman.Functions.Evidence;

/// <summary>A file's record and its content, streamed from storage; dispose to release the connection.</summary>
internal sealed class EvidenceDownload(EvidenceRecord record, Stream content) : IAsyncDisposable
{
    public EvidenceRecord Record { get; } = record;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
