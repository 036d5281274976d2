using System.Text.Json;

namespace Ombudsman.Infra.Tests;

/// <summary>The storage account: no anonymous or key access, write-once evidence, soft delete, the app's tables; nothing of the retired runtime.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class StorageTemplateTests(CompiledTemplates templates)
{
    private ArmTemplate Storage => templates.Module("storage");

    private JsonElement Account => Storage.Resource("account").GetProperty("properties");

    [Fact]
    public void Storage_account_refuses_anonymous_blob_access_shared_keys_and_old_tls()
    {
        Assert.False(Account.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.False(Account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(Account.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", Account.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void Evidence_and_provider_documents_containers_are_write_once()
    {
        var policies = Storage.Resource("wormPolicies");
        var properties = policies.GetProperty("properties");

        Assert.Equal(
            ["evidence", "provider-documents"],
            Storage.CopyItems(policies).Select(name => name.GetString()));
        Assert.Equal("[parameters('immutabilityPeriodDays')]", properties.GetProperty("immutabilityPeriodSinceCreationInDays").GetString());
        Assert.False(properties.GetProperty("allowProtectedAppendWrites").GetBoolean());
        Assert.Equal(
            "[parameters('evidenceImmutabilityDays')]",
            templates.ModuleParameter("storage", "immutabilityPeriodDays").GetString());
        Assert.True(templates.Main.Parameter("evidenceImmutabilityDays").GetProperty("defaultValue").GetInt32() >= 1);
    }

    [Fact]
    public void Deployment_container_stays_writable()
    {
        var wormNames = Storage.CopyItems(Storage.Resource("wormPolicies")).Select(n => n.GetString());
        var plainNames = Storage.CopyItems(Storage.Resource("plainContainers")).Select(n => n.GetString()).ToList();

        Assert.Equal(["deployments"], plainNames);
        Assert.Empty(wormNames.Intersect(plainNames));
    }

    [Fact]
    public void Deleted_blobs_and_containers_can_be_restored()
    {
        var blobService = Storage.Resource("blobService").GetProperty("properties");

        Assert.True(blobService.GetProperty("deleteRetentionPolicy").GetProperty("enabled").GetBoolean());
        Assert.Equal("[parameters('softDeleteRetentionDays')]", blobService.GetProperty("deleteRetentionPolicy").GetProperty("days").GetString());
        Assert.True(blobService.GetProperty("containerDeleteRetentionPolicy").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void Every_container_is_private()
    {
        foreach (var symbolicName in new[] { "wormContainers", "plainContainers" })
        {
            Assert.Equal("None", Storage.Resource(symbolicName).GetProperty("properties").GetProperty("publicAccess").GetString());
        }
    }

    [Fact]
    public void Every_table_the_app_reads_is_created()
    {
        var names = Storage.Variable("storageNames");
        var tables = Storage.Resource("tables");

        Assert.Equal(
            ["OmbudsmanAccessTokens", "OmbudsmanDisclosures", "OmbudsmanAssignments", "OmbudsmanStaffDirectory", "OmbudsmanProviderAllowance", "OmbudsmanCases", "OmbudsmanTimeline", "OmbudsmanOpenDeadlines", "OmbudsmanIdempotencyKeys", "OmbudsmanEmailSendRecords", "OmbudsmanCalendars"],
            names.GetProperty("tables").EnumerateObject().Select(t => t.Value.GetString()));
        // One table per entry of storageNames.tables, named by the entry's value.
        Assert.Equal("[length(items(variables('storageNames').tables))]", tables.GetProperty("copy").GetProperty("count").GetString());
        Assert.EndsWith(", items(variables('storageNames').tables)[copyIndex()].value)]", tables.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_queue_is_declared_because_durable_functions_creates_its_own()
    {
        Assert.Empty(Storage.ResourcesOfType("Microsoft.Storage/storageAccounts/queueServices"));
        Assert.Empty(Storage.ResourcesOfType("Microsoft.Storage/storageAccounts/queueServices/queues"));
        Assert.False(Storage.Variable("storageNames").TryGetProperty("queues", out _), "names.bicep still lists queues");
    }

    /// <summary>Queues, tables and the container that only the retired home-made durable runtime used.</summary>
    public static TheoryData<string> RetiredRuntimeNames =>
        ["OmbudsmanInstances", "OmbudsmanDeadlines", "ombudsman-orchestrator", "ombudsman-activity", "-poison", "payloads"];

    [Theory]
    [MemberData(nameof(RetiredRuntimeNames))]
    public void Retired_runtime_storage_is_neither_created_nor_named_anywhere_in_the_templates(string name)
    {
        // The compiled main template holds every module, so this covers resources and app settings alike.
        Assert.DoesNotContain(name, templates.Main.Root.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
