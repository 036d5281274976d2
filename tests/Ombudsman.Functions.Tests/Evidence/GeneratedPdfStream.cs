namespace Ombudsman.Functions.Tests.Evidence;

/// <summary>
/// A large "PDF" produced on the fly, a chunk at a time, and not seekable: an upload of it can only succeed if the
/// content is streamed, and the test never holds the whole file either. The same length and seed give the same bytes.
/// </summary>
internal sealed class GeneratedPdfStream(long length, int seed = 7) : Stream
{
    private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();
    private readonly Random _random = new(seed);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        if (n <= 0)
        {
            return 0;
        }

        var target = buffer[..n];
        _random.NextBytes(target);
        for (var i = 0; i < n && _position + i < Header.Length; i++)
        {
            target[i] = Header[_position + i];
        }

        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
