namespace Ombudsman.Functions.Evidence;

/// <summary>A file's record and its content, streamed from storage; dispose to release the connection.</summary>
internal sealed class EvidenceDownload(EvidenceRecord record, Stream content) : IAsyncDisposable
{
    public EvidenceRecord Record { get; } = record;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>
    /// The response that streams the file under <paramref name="fileName"/> (else its own name), with its SHA-256 in
    /// Repr-Digest so the receiver can check the bytes; the download is released when the response is done.
    /// </summary>
    public IResult Send(HttpContext context, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.RegisterForDisposeAsync(this);
        context.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(Record.Sha256))}:";
        return Results.Stream(Content, Record.ContentType, fileName ?? Record.FileName);
    }
}
