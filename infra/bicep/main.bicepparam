// Example parameters for a production environment on the Flex Consumption plan (FC1).
// Copy per environment (e.g. prod-sby.bicepparam) and change environmentName and location; see docs/DEPLOY.md.
using 'main.bicep'

param environmentName = 'prod'
param location = 'indonesiacentral'
param hostingPlan = 'FC1'
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
param corsAllowedOrigins = []
param tags = {
  owner: 'ombudsman-it'
}
