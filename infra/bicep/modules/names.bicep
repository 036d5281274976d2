// The storage names the function app uses, kept in one place.
// main.bicep passes them to the storage module (which creates them) and to the function app (as app settings),
// so renaming one here renames it everywhere. The app reads the names from its settings, never hard-codes them.
// Durable Functions' own task-hub queues, tables and containers are not listed: the extension creates them at
// run time, named after durableTaskHubName below.

@export()
@description('Tables and blob containers of one environment.')
var storageNames = {
  tables: {
    accessTokens: 'OmbudsmanAccessTokens'
    // What staff disclosed to each case's provider (shared files, the approved complaint text), one partition per case.
    disclosures: 'OmbudsmanDisclosures'
    // Who handles each case (the current assignment and every change), one partition per case.
    assignments: 'OmbudsmanAssignments'
    // Each office's staff as they last signed in to the console (id, name, roles): whom a case can be assigned to.
    staffDirectory: 'OmbudsmanStaffDirectory'
    // Per case: provider responses, documents and their bytes, counted against the Provider:Max* bounds.
    providerAllowance: 'OmbudsmanProviderAllowance'
    // Read models the app projects from its orchestrations, so listing cases, reading a case's timeline and
    // finding open deadlines do not query the task hub.
    cases: 'OmbudsmanCases'
    timeline: 'OmbudsmanTimeline'
    openDeadlines: 'OmbudsmanOpenDeadlines'
    // The first answer to each Idempotency-Key, replayed to retries (docs/API.md, "Idempotency keys").
    idempotencyKeys: 'OmbudsmanIdempotencyKeys'
    // One row per notification email (its idempotency key): what makes each email go out once across instances.
    emailSendRecords: 'OmbudsmanEmailSendRecords'
    // The holiday calendar versions administrators published (SKB 3 Menteri and amendments), one partition per year.
    calendars: 'OmbudsmanCalendars'
  }
  containers: {
    evidence: 'evidence'
    providerDocuments: 'provider-documents'
    deployments: 'deployments'
  }
}

@export()
@description('Durable Functions task hub (host.json reads it as %DurableTaskHubName%): letters and digits, starting with a letter, 3-45 characters.')
// Not plain "ombudsman": the Azure Storage provider names its instance table <hub>Instances, and table names are
// case-insensitive, so an environment still holding the retired runtime's OmbudsmanInstances table would hand
// that table to the task hub.
var durableTaskHubName = 'OmbudsmanHub'
