using System.Text.Json;

namespace Ombudsman.Infra.Tests;

/// <summary>What the function app's identity may do, and the vault that holds its one secret.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class AccessTemplateTests(CompiledTemplates templates)
{
    private ArmTemplate Roles => templates.Module("roles");

    /// <summary>Role name, built-in role definition id, and the resource type the assignment must be scoped to.</summary>
    public static TheoryData<string, string, string> RequiredRoles => new()
    {
        // The Durable Functions task hub (Azure Storage provider, identity-based) needs all three storage roles.
        { "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts" },
        { "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts" },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts" },
        { "Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults" },
    };

    /// <summary>Each role assignment as (role definition id, scope expression), copy loops expanded.</summary>
    private IEnumerable<(string RoleId, string Scope)> Assignments()
    {
        const string Prefix = "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ";
        foreach (var assignment in Roles.ResourcesOfType("Microsoft.Authorization/roleAssignments"))
        {
            var properties = assignment.GetProperty("properties");
            Assert.Equal("[parameters('principalId')]", properties.GetProperty("principalId").GetString());
            Assert.Equal("ServicePrincipal", properties.GetProperty("principalType").GetString());

            var roleDefinition = properties.GetProperty("roleDefinitionId").GetString()!;
            Assert.StartsWith(Prefix, roleDefinition, StringComparison.Ordinal);
            var argument = roleDefinition[Prefix.Length..^2];
            var scope = assignment.GetProperty("scope").GetString()!;
            if (argument.EndsWith("[copyIndex()]", StringComparison.Ordinal))
            {
                foreach (var roleId in Roles.CopyItems(assignment))
                {
                    yield return (roleId.GetString()!, scope);
                }
            }
            else
            {
                yield return (Roles.Resolve(JsonSerializer.SerializeToElement($"[{argument}]")).GetString()!, scope);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RequiredRoles))]
    public void Function_app_identity_holds_each_required_role_on_the_right_resource(string roleName, string roleId, string scopeType)
    {
        var matching = Assignments().Where(a => a.RoleId == roleId).ToList();

        Assert.True(matching.Count == 1, $"{roleName} ({roleId}) is assigned {matching.Count} times, expected once");
        Assert.StartsWith($"[resourceId('{scopeType}', ", matching[0].Scope, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_app_identity_holds_no_role_beyond_the_required_four()
    {
        Assert.Equal(
            RequiredRoles.Select(row => (string)row[1]).Order(),
            Assignments().Select(a => a.RoleId).Order());
    }

    [Fact]
    public void Roles_go_to_the_identity_of_whichever_plan_is_deployed()
    {
        var principalId = templates.ModuleDeployment("roles").GetProperty("properties").GetProperty("parameters").GetProperty("principalId").GetString();

        Assert.Equal(
            "[if(variables('isFlex'), createObject('value', reference('flexApp').outputs.principalId.value), createObject('value', reference('premiumApp').outputs.principalId.value))]",
            principalId);
    }

    [Fact]
    public void Key_vault_authorises_by_role_and_keeps_deleted_secrets_recoverable()
    {
        var vault = templates.Module("keyVault").SingleResourceOfType("Microsoft.KeyVault/vaults").GetProperty("properties");

        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
    }

    [Fact]
    public void SendGrid_key_parameter_is_secure_and_never_an_output()
    {
        var main = templates.Main;

        Assert.Equal("securestring", main.Parameter("sendGridApiKey").GetProperty("type").GetString());
        Assert.DoesNotContain(
            main.Root.GetProperty("outputs").EnumerateObject(),
            output => output.Value.GetRawText().Contains("sendGridApiKey", StringComparison.Ordinal));
    }
}
