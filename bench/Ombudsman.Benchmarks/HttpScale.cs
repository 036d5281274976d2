namespace Ombudsman.Benchmarks;

/// <summary>How much work the HTTP benchmark does; "--quick" shrinks it for a smoke run.</summary>
internal sealed record HttpScale(int Complaints, int Concurrency, int Uploads, int UploadBytes)
{
    private const int MiB = 1024 * 1024;

    public static HttpScale Full { get; } = new(400, 8, 5, 20 * MiB);

    public static HttpScale Quick { get; } = new(40, 4, 2, 20 * MiB);
}
