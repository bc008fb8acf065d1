import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Engine } from '../engines/index.js'
import { sha256, stableHash } from '../io/index.js'
import type { ResolvedProfile } from '../profiles/index.js'
import { planBuildRecord, recordBuild } from '../promotion/index.js'
import type { DeployResult, RunReport } from '../report/index.js'

/**
 * After a run on an environment of the promotion chain, the evidence a
 * later `promote` looks for: written into that environment's workspace,
 * a failed run recorded as failed. Engines without records (the local
 * one) and runs with no commit keep none. Returns where it was written.
 */
export async function leaveEvidence(input: {
  readonly engine: Engine
  readonly chain: readonly string[]
  readonly profile: ResolvedProfile
  readonly report: RunReport
  readonly deployed: DeployResult
  readonly manifestFile: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly now: () => Date
  /** Told what the record had to go without. */
  readonly warn?: (message: string) => void
}): Promise<string | undefined> {
  const { engine, report } = input
  if (!engine.records || !input.chain.includes(input.profile.name)) {
    return undefined
  }
  if (!report.gitSha || !input.deployed.hashes) return undefined
  const record = planBuildRecord({
    report,
    gitSha: report.gitSha,
    notebooks: input.deployed.hashes,
    manifestHash: sha256(await readFile(input.manifestFile)),
    profileHash: stableHash(input.profile.values),
    who: {
      ...(await identityOf(engine, input.warn)),
      ...(input.env.GITHUB_ACTOR ? { github: input.env.GITHUB_ACTOR } : {})
    },
    at: input.now()
  })
  return recordBuild(engine.records, record)
}

/**
 * The Databricks identity for the record's `who`, when the workspace says
 * it: the record is the evidence a promotion needs, so a failed lookup
 * (`GET /api/2.0/preview/scim/v2/Me` refused, or down) leaves the identity
 * out and says so, never the record.
 */
async function identityOf(
  engine: Engine,
  warn: ((message: string) => void) | undefined
): Promise<{ databricks?: string }> {
  try {
    const who = await engine.records?.identity()
    return who ? { databricks: who } : {}
  } catch (error) {
    warn?.(
      `the promotion record was written without the Databricks identity, which the workspace did not give (${(error as Error).message}).`
    )
    return {}
  }
}

/** The manifest file of a located request. */
export function manifestFileOf(cwd: string, manifest: string): string {
  return path.resolve(cwd, manifest)
}
