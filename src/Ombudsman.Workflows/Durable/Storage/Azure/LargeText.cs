using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>
/// Puts string properties into table entities, moving any over the 64 KiB property limit (32K UTF-16 characters)
/// to the payload container; the entity then holds "{name}Ref" with the blob's name. Blobs are named by their
/// content's hash, so a value that did not change between steps is not written again.
/// </summary>
internal sealed class LargeText(IPayloadStore payloads)
{
    public const int MaxInlineChars = 30_000;
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, bool> _written = new(StringComparer.Ordinal);

    public async Task SetAsync(TableEntity entity, string name, string? value, string blobPrefix, CancellationToken cancellationToken)
    {
        if (value is null || value.Length <= MaxInlineChars)
        {
            entity[name] = value;
            return;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        var blob = $"{blobPrefix}/{name}-{hash}.json";
        if (!_written.ContainsKey(blob))
        {
            await payloads.PutAsync(blob, value, cancellationToken);
            if (_written.Count > MaxRemembered)
            {
                _written.Clear();
            }

            _written[blob] = true;
        }

        entity[name + "Ref"] = blob;
    }

    public async Task<string?> GetAsync(TableEntity entity, string name, CancellationToken cancellationToken) =>
        entity.GetString(name + "Ref") is { } blob ? await payloads.GetAsync(blob, cancellationToken) : entity.GetString(name);
}
