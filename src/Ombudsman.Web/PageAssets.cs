using System.Reflection;
using System.Security.Cryptography;

namespace Ombudsman.Web;

/// <summary>
/// The files pages load, embedded in this assembly and served by the app under <see cref="PathPrefix"/>; each path
/// carries a hash of the content, so a browser may keep it for a year and still gets a changed file at once.
/// </summary>
public static class PageAssets
{
    public const string PathPrefix = "/assets/";

    private static readonly Lazy<IReadOnlyDictionary<string, Asset>> All = new(Load);

    /// <summary>The stylesheet's current address.</summary>
    public static string StylesheetPath => PathPrefix + All.Value["site.css"].VersionedName;

    /// <summary>The asset served at <c>/assets/{versionedName}</c>, or null.</summary>
    public static Asset? Find(string versionedName) =>
        All.Value.Values.FirstOrDefault(a => string.Equals(a.VersionedName, versionedName, StringComparison.Ordinal));

    private static Dictionary<string, Asset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        const string prefix = "Ombudsman.Web.Assets.";
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var content = Read(assembly, resource);
            var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
            var extension = Path.GetExtension(name);
            var versioned = $"{Path.GetFileNameWithoutExtension(name)}.{hash}{extension}";
            assets[name] = new Asset(versioned, ContentTypeOf(extension), content, hash);
        }

        return assets;
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}

/// <summary>One served file: its versioned name, type, bytes and content hash (the ETag).</summary>
public sealed record Asset(string VersionedName, string ContentType, byte[] Content, string Hash);
