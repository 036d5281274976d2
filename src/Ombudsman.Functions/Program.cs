using Ombudsman.Functions.Api;
using Ombudsman.Workflows.Statute;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStatute(options => builder.Configuration.GetSection(StatuteOptions.SectionName).Bind(options));
var app = builder.Build();

app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
app.MapStatuteEndpoints();

app.Run();

/// <summary>Entry point of the function app, visible to the test host.</summary>
public partial class Program;
