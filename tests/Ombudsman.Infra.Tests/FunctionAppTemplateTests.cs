using System.Text.Json;

namespace Ombudsman.Infra.Tests;

/// <summary>The function app on either hosting plan: identity, transport security, the .NET isolated worker and its settings.</summary>
[Collection(CompiledTemplatesCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledTemplates templates)
{
    private const string FlexModule = "flexApp";
    private const string PremiumModule = "premiumApp";

    public static TheoryData<string> PlanModules => [FlexModule, PremiumModule];

    private JsonElement Site(string module) => templates.Module(module).SingleResourceOfType("Microsoft.Web/sites");

    [Fact]
    public void Hosting_plan_defaults_to_flex_consumption_with_premium_as_the_only_alternative()
    {
        var hostingPlan = templates.Main.Parameter("hostingPlan");

        Assert.Equal("FC1", hostingPlan.GetProperty("defaultValue").GetString());
        Assert.Equal(["FC1", "EP1"], hostingPlan.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("[equals(parameters('hostingPlan'), 'FC1')]", templates.Main.Variable("isFlex").GetString());
        Assert.Equal("[variables('isFlex')]", templates.ModuleDeployment(FlexModule).GetProperty("condition").GetString());
        Assert.Equal("[not(variables('isFlex'))]", templates.ModuleDeployment(PremiumModule).GetProperty("condition").GetString());
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Function_app_runs_under_its_system_assigned_identity(string module)
    {
        Assert.Equal("SystemAssigned", Site(module).GetProperty("identity").GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Function_app_serves_https_only_with_tls_1_2_or_later_and_no_ftp(string module)
    {
        var properties = Site(module).GetProperty("properties");
        var siteConfig = properties.GetProperty("siteConfig");

        Assert.True(properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", siteConfig.GetProperty("minTlsVersion").GetString());
        Assert.Equal("1.2", siteConfig.GetProperty("scmMinTlsVersion").GetString());
        Assert.Equal("Disabled", siteConfig.GetProperty("ftpsState").GetString());
    }

    [Fact]
    public void Flex_plan_runs_the_dotnet_isolated_worker_on_net_10_and_deploys_with_the_app_identity()
    {
        var template = templates.Module(FlexModule);
        var config = Site(FlexModule).GetProperty("properties").GetProperty("functionAppConfig");
        var runtime = config.GetProperty("runtime");
        var sku = template.SingleResourceOfType("Microsoft.Web/serverfarms").GetProperty("sku");

        Assert.Equal("FC1", sku.GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", sku.GetProperty("tier").GetString());
        Assert.Equal("dotnet-isolated", template.Resolve(runtime.GetProperty("name")).GetString());
        Assert.Equal("10.0", template.Resolve(runtime.GetProperty("version")).GetString());
        var storage = config.GetProperty("deployment").GetProperty("storage");
        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        Assert.Equal("SystemAssignedIdentity", storage.GetProperty("authentication").GetProperty("type").GetString());
    }

    [Fact]
    public void Flex_plan_gets_exactly_the_shared_settings_because_flex_rejects_the_worker_runtime_settings()
    {
        var siteSettings = Site(FlexModule).GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings");
        var shared = ArmTemplate.Settings(templates.ModuleParameter(FlexModule, "appSettings"));

        Assert.Equal("[concat(parameters('appSettings'), parameters('officeSettings'))]", siteSettings.GetString());
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", shared.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", shared.Keys);
    }

    [Fact]
    public void Premium_plan_selects_the_dotnet_isolated_worker_through_app_settings_on_top_of_the_shared_ones()
    {
        var template = templates.Module(PremiumModule);
        var siteSettings = Site(PremiumModule).GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings");
        var premiumOnly = ArmTemplate.Settings(template.Variable("premiumOnlySettings"));
        var sku = template.SingleResourceOfType("Microsoft.Web/serverfarms").GetProperty("sku");

        Assert.Equal("EP1", sku.GetProperty("name").GetString());
        Assert.Equal("ElasticPremium", sku.GetProperty("tier").GetString());
        Assert.Equal("[concat(parameters('appSettings'), parameters('officeSettings'), variables('premiumOnlySettings'))]", siteSettings.GetString());
        Assert.Equal("dotnet-isolated", template.Resolve(JsonSerializer.SerializeToElement(premiumOnly["FUNCTIONS_WORKER_RUNTIME"])).GetString());
        Assert.Equal("~4", premiumOnly["FUNCTIONS_EXTENSION_VERSION"]);
    }

    [Fact]
    public void Premium_plan_starts_on_the_linux_stack_of_the_same_runtime_and_version_as_flex()
    {
        var premium = templates.Module(PremiumModule);
        var flex = templates.Module(FlexModule);
        var flexRuntime = Site(FlexModule).GetProperty("properties").GetProperty("functionAppConfig").GetProperty("runtime");
        var linuxFxVersion = Site(PremiumModule).GetProperty("properties").GetProperty("siteConfig").GetProperty("linuxFxVersion");
        var workerRuntime = ArmTemplate.Settings(premium.Variable("premiumOnlySettings"))["FUNCTIONS_WORKER_RUNTIME"];

        Assert.Equal("DOTNET-ISOLATED|10.0", premium.Resolve(linuxFxVersion).GetString());
        Assert.Equal(flex.Resolve(flexRuntime.GetProperty("name")).GetString(), premium.Resolve(JsonSerializer.SerializeToElement(workerRuntime)).GetString());
        Assert.Equal(flex.Resolve(flexRuntime.GetProperty("version")).GetString(), premium.Resolve(linuxFxVersion).GetString()!.Split('|')[1]);
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Neither_plan_is_set_up_as_a_custom_handler(string module)
    {
        var rawTemplate = templates.Module(module).Root.GetRawText();
        var shared = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        Assert.DoesNotContain("custom", rawTemplate, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(shared, setting => setting.Value.Equals("custom", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Premium_plan_runs_from_a_package_fetched_with_its_identity_instead_of_a_key_based_file_share()
    {
        var premiumOnly = ArmTemplate.Settings(templates.Module(PremiumModule).Variable("premiumOnlySettings"));
        var rawTemplate = templates.Module(PremiumModule).Root.GetRawText();

        Assert.Equal("[parameters('packageUrl')]", premiumOnly["WEBSITE_RUN_FROM_PACKAGE"]);
        Assert.Equal("SystemAssigned", premiumOnly["WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"]);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", rawTemplate, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", rawTemplate, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Both_plans_receive_identity_based_storage_connections_and_monitoring(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        Assert.Equal("[reference('storage').outputs.accountName.value]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("[reference('storage').outputs.blobEndpoint.value]", settings["Storage__blobServiceUri"]);
        Assert.Equal("[reference('storage').outputs.queueEndpoint.value]", settings["Storage__queueServiceUri"]);
        Assert.Equal("[reference('storage').outputs.tableEndpoint.value]", settings["Storage__tableServiceUri"]);
        Assert.Equal("[reference('monitoring').outputs.appInsightsConnectionString.value]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.DoesNotContain(settings.Values, value => value.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Host_and_task_hub_storage_signs_in_with_the_system_assigned_identity_and_no_connection_string(string module)
    {
        // The Durable Functions Azure Storage provider uses the host's AzureWebJobsStorage connection, so this one
        // connection carries the task hub; a plain AzureWebJobsStorage setting would be a connection string.
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        Assert.Equal(
            ["AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential"],
            settings.Keys.Where(key => key.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain(settings.Values, value => value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Both_plans_name_the_durable_task_hub_in_the_setting_host_json_reads(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));
        var hubName = templates.Main.Resolve(JsonSerializer.SerializeToElement(settings["DurableTaskHubName"])).GetString()!;

        Assert.Equal("OmbudsmanHub", hubName);
        // The Azure Storage provider's rule for task hub names.
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", hubName);
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Both_plans_turn_off_the_functions_hosts_own_home_page_so_the_root_is_only_ever_the_apps(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        Assert.Equal("true", settings["AzureWebJobsDisableHomepage"]);
    }

    [Fact]
    public void Task_hub_tables_and_containers_cannot_take_over_the_apps_or_the_retired_runtimes()
    {
        // The Azure Storage provider creates <hub>History, <hub>Instances and <hub>Partitions tables and
        // <hub>-leases, <hub>-applease and <hub>-largemessages containers (lower case). Table names compare
        // case-insensitively, and an environment deployed before Durable Functions still holds the retired
        // runtime's tables.
        var hubName = templates.Main.Resolve(JsonSerializer.SerializeToElement(
            ArmTemplate.Settings(templates.ModuleParameter(FlexModule, "appSettings"))["DurableTaskHubName"])).GetString()!;
        var storageNames = templates.Module("storage").Variable("storageNames");
        var otherTables = storageNames.GetProperty("tables").EnumerateObject().Select(t => t.Value.GetString()!)
            .Concat(["OmbudsmanInstances", "OmbudsmanDeadlines"]);
        var otherContainers = storageNames.GetProperty("containers").EnumerateObject().Select(c => c.Value.GetString()!)
            .Concat(["payloads"]);

        Assert.Empty(new[] { "History", "Instances", "Partitions" }.Select(t => hubName + t).Intersect(otherTables, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(new[] { "leases", "applease", "largemessages" }.Select(c => $"{hubName.ToLowerInvariant()}-{c}").Intersect(otherContainers, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void SendGrid_key_reaches_the_app_only_as_a_key_vault_reference(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        Assert.Equal(
            "[format('@Microsoft.KeyVault(SecretUri={0})', reference('keyVault').outputs.sendGridSecretUri.value)]",
            settings["Email__SendGridApiKey"]);
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Both_plans_tell_the_app_the_storage_names_the_storage_module_creates(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));
        string Resolved(string setting) => templates.Main.Resolve(JsonSerializer.SerializeToElement(settings[setting])).GetString()!;

        Assert.Equal("evidence", Resolved("StorageNames__EvidenceContainer"));
        Assert.Equal("provider-documents", Resolved("StorageNames__ProviderDocumentsContainer"));
        Assert.Equal("OmbudsmanAccessTokens", Resolved("StorageNames__AccessTokensTable"));
        Assert.Equal("OmbudsmanDisclosures", Resolved("StorageNames__DisclosuresTable"));
        Assert.Equal("OmbudsmanAssignments", Resolved("StorageNames__AssignmentsTable"));
        Assert.Equal("OmbudsmanStaffDirectory", Resolved("StorageNames__StaffDirectoryTable"));
        Assert.Equal("OmbudsmanProviderAllowance", Resolved("StorageNames__ProviderAllowanceTable"));
        Assert.Equal("OmbudsmanCases", Resolved("StorageNames__CasesTable"));
        Assert.Equal("OmbudsmanTimeline", Resolved("StorageNames__TimelineTable"));
        Assert.Equal("OmbudsmanOpenDeadlines", Resolved("StorageNames__OpenDeadlinesTable"));
        Assert.Equal("OmbudsmanIdempotencyKeys", Resolved("StorageNames__IdempotencyKeysTable"));
        Assert.Equal("OmbudsmanCalendars", Resolved("StorageNames__CalendarsTable"));
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Every_table_the_storage_module_creates_is_named_to_the_app(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));
        var created = templates.Module("storage").Variable("storageNames").GetProperty("tables").EnumerateObject().Select(t => t.Value.GetString()!);
        var named = settings
            .Where(s => (s.Key.StartsWith("StorageNames__", StringComparison.Ordinal) && s.Key.EndsWith("Table", StringComparison.Ordinal)) || s.Key == "Email__SendRecordsTable")
            .Select(s => templates.Main.Resolve(JsonSerializer.SerializeToElement(s.Value)).GetString()!);

        Assert.Equal(created.Order(), named.Order());
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Settings_of_the_retired_durable_runtime_are_gone(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        foreach (var retired in new[] { "InstancesTable", "DeadlinesTable", "OrchestratorQueue", "ActivityQueue", "PoisonQueueSuffix", "PayloadsContainer" })
        {
            Assert.DoesNotContain($"StorageNames__{retired}", settings.Keys);
        }
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Both_plans_give_the_app_the_public_links_its_emails_carry(string module)
    {
        // Without them the app falls back to its .invalid placeholder URLs and every email's link is dead.
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        Assert.Equal("[parameters('trackingBaseUrl')]", settings["Email__TrackingBaseUrl"]);
        Assert.Equal("[parameters('uploadBaseUrl')]", settings["Email__UploadBaseUrl"]);
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Email_send_records_are_kept_in_a_table_the_storage_module_creates_so_every_instance_mails_once(string module)
    {
        var settings = ArmTemplate.Settings(templates.ModuleParameter(module, "appSettings"));

        Assert.Equal("OmbudsmanEmailSendRecords", templates.Main.Resolve(JsonSerializer.SerializeToElement(settings["Email__SendRecordsTable"])).GetString());
        Assert.Contains("OmbudsmanEmailSendRecords", templates.Module("storage").Variable("storageNames").GetProperty("tables").EnumerateObject().Select(t => t.Value.GetString()));
        Assert.DoesNotContain(settings.Keys, key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || key == "Email__StorageConnectionString");
    }

    [Theory]
    [MemberData(nameof(PlanModules))]
    public void Both_plans_write_every_office_setting_the_app_reads_from_the_offices_parameter(string module)
    {
        // The app's OfficeDirectory reads Offices:{n}:Id, Name, TimeZone, StaffEmail, DashboardLink and Language.
        var officeSettings = templates.Main.Resolve(templates.ModuleParameter(module, "officeSettings")).GetString()!;
        var offices = templates.Main.Parameter("offices");

        Assert.Equal(1, offices.GetProperty("minLength").GetInt32());
        Assert.StartsWith("[flatten(map(range(0, length(parameters('offices')))", officeSettings, StringComparison.Ordinal);
        foreach (var (key, property) in new[] { ("Id", "id"), ("Name", "name"), ("TimeZone", "timeZone"), ("StaffEmail", "staffEmail"), ("DashboardLink", "dashboardLink") })
        {
            Assert.Contains(
                $"createObject('name', format('Offices__{{0}}__{key}', lambdaVariables('i')), 'value', parameters('offices')[lambdaVariables('i')].{property})",
                officeSettings,
                StringComparison.Ordinal);
        }

        Assert.Contains(
            "createObject('name', format('Offices__{0}__Language', lambdaVariables('i')), 'value', coalesce(tryGet(parameters('offices')[lambdaVariables('i')], 'language'), 'id'))",
            officeSettings,
            StringComparison.Ordinal);
    }
}
