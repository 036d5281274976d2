// The language worker the function app runs, in one place so both hosting plans run the same one: the .NET
// isolated worker on .NET 10 (the solution targets net10.0, Directory.Build.props). Flex Consumption takes it in
// functionAppConfig.runtime, Elastic Premium in app settings and linuxFxVersion.

@export()
@description('Functions worker runtime and .NET version of the app.')
var workerRuntime = {
  // functionAppConfig.runtime.name on FC1, FUNCTIONS_WORKER_RUNTIME on EP1.
  name: 'dotnet-isolated'
  version: '10.0'
  // The Linux stack EP1 starts the app on; it must name the same runtime and version as above.
  linuxFxVersion: 'DOTNET-ISOLATED|10.0'
}
