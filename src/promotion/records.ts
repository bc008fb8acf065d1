import type { RecordStore } from '../engines/index.js'
import { buildRecordFolder } from '../report/index.js'
import type { BuildRecord } from '../report/index.js'
import { parseBuildRecord } from './evidence.js'

/**
 * Writes a run's record once (`<sha>/<run-id>.json`, created without
 * overwrite): a record is never rewritten, and a rerun of the same commit
 * adds its own beside the first.
 */
export async function recordBuild(
  store: RecordStore,
  record: BuildRecord
): Promise<string> {
  const file = `${buildRecordFolder(record.gitSha)}/${record.runId}.json`
  await store.create(file, `${JSON.stringify(record, null, 2)}\n`)
  return `${await store.where()}/${file}`
}

/** Every record of a sha in an environment. */
export async function readBuildRecords(
  store: RecordStore,
  sha: string
): Promise<BuildRecord[]> {
  const folder = buildRecordFolder(sha)
  const names = (await store.list(folder)).filter((n) => n.endsWith('.json'))
  const texts = await Promise.all(
    names.map((name) => store.read(`${folder}/${name}`))
  )
  return texts.flatMap((text) => {
    const record = text === undefined ? undefined : parseBuildRecord(text)
    return record ? [record] : []
  })
}
