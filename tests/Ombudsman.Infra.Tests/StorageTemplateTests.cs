using System.Text.Json;

namespace Ombudsman.Infra.Tests;

/// <summary>The storage account: no anonymous or key access, write-once evidence, soft delete, the runtime's tables and queues.</summary>
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
    public void Deployment_and_payload_containers_stay_writable()
    {
        var wormNames = Storage.CopyItems(Storage.Resource("wormPolicies")).Select(n => n.GetString());
        var plainNames = Storage.CopyItems(Storage.Resource("plainContainers")).Select(n => n.GetString()).ToList();

        Assert.Equal(["payloads", "deployments"], plainNames);
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
    public void Runtime_tables_and_queues_with_their_poison_queues_are_created()
    {
        var names = Storage.Variable("storageNames");
        var queues = Storage.Resource("queues");

        Assert.Equal(
            ["OmbudsmanInstances", "OmbudsmanDeadlines", "OmbudsmanAccessTokens"],
            names.GetProperty("tables").EnumerateObject().Select(t => t.Value.GetString()));
        Assert.Equal("[length(items(variables('storageNames').tables))]", Storage.Resource("tables").GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal(
            ["ombudsman-orchestrator", "ombudsman-activity"],
            Storage.Variable("workQueueNames").EnumerateArray().Select(q => Storage.Resolve(q).GetString()));
        Assert.Equal("-poison", Storage.Variable("poisonQueueSuffix").GetString());
        Assert.Equal(
            "[length(concat(variables('workQueueNames'), map(variables('workQueueNames'), lambda('q', format('{0}{1}', lambdaVariables('q'), variables('poisonQueueSuffix'))))))]",
            queues.GetProperty("copy").GetProperty("count").GetString());
    }
}
