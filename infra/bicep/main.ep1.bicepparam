// Example parameters for the Elastic Premium (EP1) fallback: use it where the region does not offer the Flex
// Consumption plan with the dotnet-isolated runtime. Same environment shape, different hosting plan;
// see docs/DEPLOY.md.
using 'main.bicep'

param environmentName = 'prod'
param location = 'indonesiacentral'
param hostingPlan = 'EP1'
param storageSku = 'Standard_ZRS'
param evidenceImmutabilityDays = 3650
param sendGridFromAddress = 'pengaduan@example.go.id'
param trackingBaseUrl = 'https://pengaduan.example.go.id/track/'
param uploadBaseUrl = 'https://pengaduan.example.go.id/unggah/'
param offices = [
  {
    id: 'PST'
    name: 'Ombudsman Republik Indonesia, Kantor Pusat (Jakarta)'
    timeZone: 'WIB'
    staffEmail: 'tenggat.pusat@example.go.id'
    dashboardLink: 'https://pengaduan.example.go.id/staf/pst'
  }
  {
    id: 'BAL'
    name: 'Ombudsman RI Perwakilan Bali'
    timeZone: 'WITA'
    staffEmail: 'tenggat.bali@example.go.id'
    dashboardLink: 'https://pengaduan.example.go.id/staf/bal'
  }
  {
    id: 'PAP'
    name: 'Ombudsman RI Perwakilan Papua'
    timeZone: 'WIT'
    staffEmail: 'tenggat.papua@example.go.id'
    dashboardLink: 'https://pengaduan.example.go.id/staf/pap'
  }
]
param premiumMaximumWorkerCount = 10
param tags = {
  owner: 'ombudsman-it'
}
