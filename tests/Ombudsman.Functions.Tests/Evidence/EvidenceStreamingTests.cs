using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Evidence;

/// <summary>An upload reaches storage while it is still being read: what the store holds in memory is one block, not the file.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EvidenceStreamingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Blocks_are_in_storage_before_the_rest_of_the_file_has_been_read()
    {
        // Below the HTTP layer (the probe needs the store's own reads), on a case filed through the API.
        await using var app = await PublicApi.StartOnSystemClockAsync(azurite, "Evidence:BlockBytes=1048576");
        var caseId = (await PublicApi.FileAsync(app, PublicApi.FilingToday())).CaseId;
        const string uploadKey = "streamed-recording";
        var evidenceId = EvidenceIds.ForUploadKey(caseId, EvidenceParty.Complainant, uploadKey);
        var blob = app.Container(app.EvidenceNames.EvidenceContainer).GetBlockBlobClient(EvidenceStore.BlobName(caseId, evidenceId));
        var probe = new ProbeStream(new GeneratedPdfStream(12L * 1024 * 1024), checkAt: 8L * 1024 * 1024, blob);

        var record = await app.Service<EvidenceStore>().UploadAsync(
            new EvidenceUpload { CaseId = caseId, UploadKey = uploadKey, Party = EvidenceParty.Complainant, FileName = "sidang.pdf", Content = probe },
            CancellationToken.None);

        // When the source was asked for its 8th MiB, at least 7 one-MiB blocks were already staged in Blob Storage.
        Assert.Equal(12L * 1024 * 1024, record.Size);
        Assert.InRange(probe.StagedBytesAtCheck, 7L * 1024 * 1024, 8L * 1024 * 1024);
    }

    /// <summary>Passes reads through, and once the reader gets past <c>checkAt</c> notes how many bytes the blob has staged.</summary>
    private sealed class ProbeStream(Stream inner, long checkAt, BlockBlobClient blob) : Stream
    {
        private long _position;

        public long StagedBytesAtCheck { get; private set; } = -1;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (StagedBytesAtCheck < 0 && _position >= checkAt)
            {
                var blocks = (await blob.GetBlockListAsync(BlockListTypes.Uncommitted, cancellationToken: cancellationToken)).Value;
                StagedBytesAtCheck = blocks.UncommittedBlocks.Sum(b => b.SizeLong);
            }

            var n = await inner.ReadAsync(buffer, cancellationToken);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("the store reads asynchronously");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
