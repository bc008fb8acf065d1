import type { BuildRecord, RunReport } from '../report/index.js'

/** What a promotion found in the previous environment's records. */
export type EvidenceVerdict =
  | { readonly ok: true; readonly record: BuildRecord }
  | { readonly ok: false; readonly reason: string }

/** The record a finished run leaves in its environment. */
export function planBuildRecord(input: {
  readonly report: RunReport
  readonly gitSha: string
  readonly notebooks: Readonly<Record<string, string>>
  readonly manifestHash: string
  readonly profileHash: string
  readonly who: BuildRecord['who']
  readonly at: Date
}): BuildRecord {
  const { report } = input
  return {
    schemaVersion: 1,
    pipeline: report.pipeline,
    profile: report.profile,
    gitSha: input.gitSha,
    notebooks: input.notebooks,
    manifestHash: input.manifestHash,
    profileHash: input.profileHash,
    runId: report.runId,
    status: report.status,
    ...(report.runUrl ? { runUrl: report.runUrl } : {}),
    ...(report.remoteRunId ? { remoteRunId: report.remoteRunId } : {}),
    who: input.who,
    at: input.at.toISOString(),
    toolVersion: report.toolVersion
  }
}

/** Reads a record file; undefined when it is not one. */
export function parseBuildRecord(text: string): BuildRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<BuildRecord>
    return value.schemaVersion === 1 &&
      typeof value.gitSha === 'string' &&
      typeof value.status === 'string' &&
      typeof value.notebooks === 'object' &&
      value.notebooks !== null
      ? (value as BuildRecord)
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether the previous environment passed exactly these notebooks at this
 * sha: the newest succeeded record whose notebook hashes are the ones
 * read from git now. Otherwise the reason, in words that say what to do.
 */
export function judgeEvidence(input: {
  readonly records: readonly BuildRecord[]
  readonly previous: string
  readonly sha: string
  readonly notebooks: Readonly<Record<string, string>>
  readonly where: string
}): EvidenceVerdict {
  const short = input.sha.slice(0, 12)
  const mine = input.records
    .filter((r) => r.gitSha === input.sha && r.profile === input.previous)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
  if (mine.length === 0) {
    return {
      ok: false,
      reason: `no run of ${short} on ${input.previous} is recorded in ${input.where}/.dtflw/builds; run it there first (dtflw run --profile ${input.previous} at that commit, as CI does after a merge), then promote.`
    }
  }
  const passed = mine.filter((r) => r.status === 'succeeded')
  if (passed.length === 0) {
    const last = mine[0]
    return {
      ok: false,
      reason: `the run of ${short} on ${input.previous} ${last.status} (run ${last.runId}${last.runUrl ? `, ${last.runUrl}` : ''}); only a build that passed ${input.previous} is promoted: fix it, run it again there, then promote.`
    }
  }
  const matching = passed.find((r) =>
    sameNotebooks(r.notebooks, input.notebooks)
  )
  if (matching) return { ok: true, record: matching }
  const differences = describeDifference(passed[0].notebooks, input.notebooks)
  return {
    ok: false,
    reason: `the notebooks at ${short} no longer hash to what ${input.previous} ran (${differences}); promote the commit that ran there, or run this one on ${input.previous} first.`
  }
}

function sameNotebooks(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>
): boolean {
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
  )
}

function describeDifference(
  ran: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>
): string {
  const changed = Object.keys(now).filter((k) => k in ran && ran[k] !== now[k])
  const added = Object.keys(now).filter((k) => !(k in ran))
  const removed = Object.keys(ran).filter((k) => !(k in now))
  return [
    changed.length ? `changed: ${changed.join(', ')}` : '',
    added.length ? `added: ${added.join(', ')}` : '',
    removed.length ? `removed: ${removed.join(', ')}` : ''
  ]
    .filter(Boolean)
    .join('; ')
}
