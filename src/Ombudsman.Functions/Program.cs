using Ombudsman.Functions.Hosting;

FunctionAppHost.Build(args).Run();

/// <summary>Entry point of the function app, visible to the test host.</summary>
public partial class Program;
