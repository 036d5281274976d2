using Azure.Data.Tables;

namespace Ombudsman.Workflows.Durable.Storage.Azure;

/// <summary>
/// Puts string properties into table entities, moving any over the 64 KiB property limit (32K UTF-16 characters)
/// to the payload container; the entity then holds "{name}Ref" with the blob's name.
/// </summary>
internal sealed class LargeText(IPayloadStore payloads)
{
    public const int MaxInlineChars = 30_000;

    public async Task SetAsync(TableEntity entity, string name, string? value, string blobPrefix, CancellationToken cancellationToken)
    {
        if (value is null || value.Length <= MaxInlineChars)
        {
            entity[name] = value;
            return;
        }

        var blob = $"{blobPrefix}/{name}-{Guid.NewGuid():N}.json";
        await payloads.PutAsync(blob, value, cancellationToken);
        entity[name + "Ref"] = blob;
    }

    public async Task<string?> GetAsync(TableEntity entity, string name, CancellationToken cancellationToken) =>
        entity.GetString(name + "Ref") is { } blob ? await payloads.GetAsync(blob, cancellationToken) : entity.GetString(name);
}
