using Azure.Data.Tables;
using Ombudsman.Functions.Identity;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Assignment;

/// <summary>Registers case assignment: the assignment table, the staff directory, and their start-up initializer.</summary>
internal static class AssignmentServiceCollectionExtensions
{
    public static IServiceCollection AddCaseAssignment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(StorageOptions(configuration));
        services.AddSingleton(sp => new StaffDirectory(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<AssignmentStorageOptions>()));
        services.AddSingleton(sp => new CaseAssignments(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<AssignmentStorageOptions>(), sp.GetRequiredService<CaseReadModel>()));
        services.AddHostedService<AssignmentsInitializer>();
        return services;
    }

    /// <summary>The tables: settings StorageNames:AssignmentsTable and StorageNames:StaffDirectoryTable (written by infra/bicep), else the defaults.</summary>
    public static AssignmentStorageOptions StorageOptions(IConfiguration configuration)
    {
        var options = new AssignmentStorageOptions();
        if (configuration["StorageNames:AssignmentsTable"] is { Length: > 0 } assignments)
        {
            options = options with { AssignmentsTable = assignments };
        }

        return configuration["StorageNames:StaffDirectoryTable"] is { Length: > 0 } directory ? options with { StaffDirectoryTable = directory } : options;
    }
}

/// <summary>
/// Creates the assignment and staff directory tables at start-up when missing; where the development sign-in is on,
/// records the sample staff too, so a local office can assign a case to someone who has not signed in yet.
/// </summary>
internal sealed class AssignmentsInitializer(
    CaseAssignments assignments, StaffDirectory directory, DevelopmentStaff sampleStaff, Microsoft.Extensions.Options.IOptions<StaffIdentityOptions> identity) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await assignments.EnsureCreatedAsync(cancellationToken);
        await directory.EnsureCreatedAsync(cancellationToken);
        if (identity.Value.DevelopmentSchemeEnabled)
        {
            foreach (var member in sampleStaff.All)
            {
                await directory.RecordAsync(member, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
