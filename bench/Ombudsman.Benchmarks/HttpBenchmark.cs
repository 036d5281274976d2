using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Benchmarks;

/// <summary>
/// The function app over HTTP on Kestrel (loopback), on Azurite: complaints filed per second to receipt, and evidence
/// upload throughput against a plain block-blob upload of the same bytes, in the same run. Evidence goes to a case
/// filed through the API, with its tracking token, as a complainant uploads; the development access (anyone on any
/// case, without a token) is turned off so no upload can bypass the token check.
/// </summary>
internal sealed class HttpBenchmark(HttpScale scale)
{
    /// <summary>The public filing endpoint: validation, tracking token, case start, 201 with the receipt data.</summary>
    private const string ComplaintsPath = "/api/complaints";

    private const double MiB = 1024 * 1024;

    private static readonly TimeSpan ReceiptPatience = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<(string Name, double Value)>> RunAsync(AzuriteFixture azurite)
    {
        var prefix = "b" + Guid.NewGuid().ToString("N")[..10];
        var notifier = new TimedCaseNotifier();
        return await BenchmarkApp.RunAsync(
            azurite,
            prefix,
            [
                // The public-intake limit (30 a minute per IP) would measure the limiter, not the app.
                "--RateLimiting:PublicIntake:PermitLimit=1000000",

                // Uploads must pass the tracking-token check a complainant's upload passes, as deployed.
                "--Evidence:DevelopmentAccess=false",
            ],
            async baseAddress =>
            {
                using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
                var results = new List<(string, double)>();
                results.AddRange(await FilingAsync(client, notifier));
                results.AddRange(await UploadsAsync(client, new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(prefix + "-plain")));
                return (IReadOnlyList<(string Name, double Value)>)results;
            },
            s => s.AddSingleton<ICaseNotifier>(notifier));
    }

    /// <summary>
    /// POSTs complaints, <see cref="HttpScale.Concurrency"/> at a time: the rate and latency to the 201 (case started,
    /// receipt data returned), and to the receipt notification the workflow issues at intake (UU 25/2009 art. 44).
    /// </summary>
    private async Task<IReadOnlyList<(string, double)>> FilingAsync(HttpClient client, TimedCaseNotifier notifier)
    {
        for (var i = 0; i < 5; i++)
        {
            await FileOneAsync(client);
        }

        var started = new long[scale.Complaints];
        var answered = new long[scale.Complaints];
        var caseIds = new string[scale.Complaints];
        var begin = Stopwatch.GetTimestamp();
        await Parallel.ForAsync(0, scale.Complaints, new ParallelOptions { MaxDegreeOfParallelism = scale.Concurrency }, async (i, _) =>
        {
            started[i] = Stopwatch.GetTimestamp();
            caseIds[i] = (await FileOneAsync(client)).CaseId;
            answered[i] = Stopwatch.GetTimestamp();
        });
        var filedSeconds = Stopwatch.GetElapsedTime(begin, answered.Max()).TotalSeconds;

        var patience = Stopwatch.StartNew();
        var receipts = new long[scale.Complaints];
        for (var i = 0; i < scale.Complaints; i++)
        {
            while (!notifier.TryGetReceipt(caseIds[i], out receipts[i]))
            {
                if (patience.Elapsed > ReceiptPatience)
                {
                    throw new TimeoutException($"Only {notifier.ReceiptCount} receipts were issued in {ReceiptPatience}.");
                }

                await Task.Delay(20);
            }
        }

        var toResponse = Enumerable.Range(0, scale.Complaints).Select(i => Stopwatch.GetElapsedTime(started[i], answered[i]).TotalMilliseconds).Order().ToList();
        var toReceipt = Enumerable.Range(0, scale.Complaints).Select(i => Stopwatch.GetElapsedTime(started[i], receipts[i]).TotalMilliseconds).Order().ToList();
        return
        [
            ("complaints filed per second (HTTP 201)", scale.Complaints / filedSeconds),
            ("filing latency to 201, p50 (ms)", Percentile(toResponse, 0.50)),
            ("filing latency to 201, p99 (ms)", Percentile(toResponse, 0.99)),
            ("receipts issued per second", scale.Complaints / Stopwatch.GetElapsedTime(begin, receipts.Max()).TotalSeconds),
            ("filing to receipt notification, p50 (ms)", Percentile(toReceipt, 0.50)),
            ("filing to receipt notification, p99 (ms)", Percentile(toReceipt, 0.99)),
        ];
    }

    /// <summary>Files one in-time complaint; its case id and the complainant's tracking token.</summary>
    private static async Task<(string CaseId, string TrackingToken)> FileOneAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync(ComplaintsPath, new
        {
            path = "provider",
            office = "JKT",
            complainant = new { name = "Siti Rahayu", email = "siti@example.test", address = "Jl. Merdeka 1, Jakarta", phone = "+62215550100" },
            provider = new { name = "Kantor Pertanahan Kota Bekasi", kind = "governmentUnit" },
            description = "Land certificate not issued within the service standard; two trips lost.",
            remedyAsked = "Issue the certificate and refund the travel costs.",
            serviceReceivedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            filedAtPlace = "Jakarta",
            signature = "Siti Rahayu",
        });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Filing answered {(int)response.StatusCode}: {text}");
        }

        using var filed = JsonDocument.Parse(text);
        return (filed.RootElement.GetProperty("caseId").GetString()!, filed.RootElement.GetProperty("trackingToken").GetString()!);
    }

    /// <summary>
    /// The same 20 MiB PDF, alternately through POST /api/cases/{id}/evidence of a filed case with its tracking token
    /// (token checked, raw body sniffed, hashed, streamed to a create-only blob with metadata) and as one plain
    /// <see cref="BlockBlobClient.UploadAsync(Stream, Azure.Storage.Blobs.Models.BlobUploadOptions, CancellationToken)"/>.
    /// </summary>
    private async Task<IReadOnlyList<(string, double)>> UploadsAsync(HttpClient client, BlobContainerClient plain)
    {
        await plain.CreateIfNotExistsAsync();
        var bytes = new byte[scale.UploadBytes];
        new Random(42).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);

        var complainant = await FileOneAsync(client);
        await UploadThroughAppAsync(client, complainant, bytes, "warmup-0");
        await UploadPlainAsync(plain, bytes, "warmup-0");
        var app = new List<double>();
        var direct = new List<double>();
        for (var i = 0; i < scale.Uploads; i++)
        {
            app.Add(await UploadThroughAppAsync(client, complainant, bytes, $"run-{i}"));
            direct.Add(await UploadPlainAsync(plain, bytes, $"run-{i}"));
        }

        var appMiBs = Median(app);
        var plainMiBs = Median(direct);
        return
        [
            ($"evidence upload via the API, {bytes.Length / MiB:0} MiB (MiB/s)", appMiBs),
            ($"plain block blob upload, {bytes.Length / MiB:0} MiB (MiB/s)", plainMiBs),
            ("evidence upload / plain upload (throughput ratio)", appMiBs / plainMiBs),
        ];
    }

    /// <summary>One upload as the case's complainant: the tracking token in the Authorization header.</summary>
    private static async Task<double> UploadThroughAppAsync(HttpClient client, (string CaseId, string TrackingToken) complainant, byte[] bytes, string name)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri($"/api/cases/{Uri.EscapeDataString(complainant.CaseId)}/evidence?fileName=bench.pdf&uploadKey=bench-{name}", UriKind.Relative))
        {
            Content = content,
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", complainant.TrackingToken);
        var begin = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        var seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return bytes.Length / MiB / seconds;
    }

    private static async Task<double> UploadPlainAsync(BlobContainerClient container, byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var begin = Stopwatch.GetTimestamp();
        await container.GetBlockBlobClient($"bench/{name}").UploadAsync(stream);
        return bytes.Length / MiB / Stopwatch.GetElapsedTime(begin).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
