// The storage names the durable runtime and the function app use, kept in one place.
// main.bicep passes them to the storage module (which creates them) and to the function app (as app settings),
// so renaming one here renames it everywhere. The app reads the names from its settings, never hard-codes them.

@export()
@description('Tables, queues and blob containers of one environment.')
var storageNames = {
  tables: {
    instances: 'OmbudsmanInstances'
    deadlines: 'OmbudsmanDeadlines'
    accessTokens: 'OmbudsmanAccessTokens'
  }
  queues: {
    orchestrator: 'ombudsman-orchestrator'
    activity: 'ombudsman-activity'
  }
  containers: {
    evidence: 'evidence'
    providerDocuments: 'provider-documents'
    payloads: 'payloads'
    deployments: 'deployments'
  }
}

@export()
@description('Suffix the Functions host gives the queue a message moves to after maxDequeueCount failures.')
var poisonQueueSuffix = '-poison'
