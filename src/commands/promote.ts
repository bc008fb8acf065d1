import { rm } from 'node:fs/promises'
import path from 'node:path'
import { ExitCode, RefusedError, UsageError } from '../diagnostics/index.js'
import {
  checkoutRefToTemp,
  isAncestorCommit,
  tryResolveCommit
} from '../io/index.js'
import {
  checkPromotionTarget,
  judgeEvidence,
  readBuildRecords,
  readPromotionSettings
} from '../promotion/index.js'
import type { CommandDeps } from './deps.js'
import { engineFor } from './engine-for.js'
import { loadPlan } from './loaded-plan.js'
import { loadProject } from './project.js'
import { redeployCommand } from './request/index.js'
import type { Located, PromoteRequest } from './request/index.js'
import type { CommandResult } from './result.js'
import { runLoaded } from './run.js'

/**
 * Promotes a commit to the next environment of the chain, the way
 * Terraform applies exactly the reviewed plan: the previous environment
 * must have a record of a run of that commit that succeeded with the very
 * notebooks git holds at it; then exactly those bytes (read from git at
 * the sha, not from the working tree, which may be ahead) are deployed to
 * the target and run, and the target's own record is written.
 * `--dry-run` says what would change and writes nothing.
 */
export async function runPromote(
  request: Located<PromoteRequest>,
  deps: CommandDeps
): Promise<CommandResult> {
  const to = request.to
  const project = await loadProject(request.manifest, request.cwd)
  const root = project.manifest.root
  const sha = await resolveCommit(root, request.sha ?? 'HEAD')
  const short = sha.slice(0, 12)
  const checkout = await checkoutRefToTemp(request.cwd, sha)
  if ('error' in checkout)
    throw new UsageError(`cannot read ${sha}: ${checkout.error}.`)
  try {
    // The pipeline as git holds it at the sha, whole, under each profile.
    const atSha = { cwd: checkout.dir, manifest: request.manifest, gitSha: sha }
    const target = await loadPlan({ ...atSha, profile: to }, deps)
    const chain = target.project.manifest.promotion
    const { previous } = checkPromotionTarget(chain, target.profile)
    await checkBranches(
      root,
      sha,
      readPromotionSettings(target.profile).fromBranches,
      to
    )
    const before = await loadPlan({ ...atSha, profile: previous }, deps)
    const previousEngine = await engineFor(before, deps)
    if (!previousEngine.records) {
      throw new UsageError(
        `profile "${previous}" runs on the ${previousEngine.name} engine, which keeps no promotion records; promotion goes between Databricks environments.`
      )
    }
    const targetEngine = await engineFor(target, deps)
    const planned = await targetEngine.deploy(target.plan, {
      dryRun: true,
      signal: deps.signal
    })
    const verdict = judgeEvidence({
      records: await readBuildRecords(previousEngine.records, sha),
      previous,
      sha,
      notebooks: planned.hashes ?? {},
      where: await previousEngine.records.where()
    })
    if (!verdict.ok) {
      throw new RefusedError(
        `cannot promote ${short} to ${to}: ${verdict.reason}`
      )
    }
    const base = {
      kind: 'promote' as const,
      to,
      from: previous,
      sha,
      evidence: verdict.record,
      plan: target.plan
    }
    if (request.dryRun) {
      return {
        exitCode: ExitCode.Success,
        diagnostics: target.warnings,
        data: { ...base, dryRun: planned }
      }
    }
    const run = await runLoaded(
      target,
      targetEngine,
      {
        ...atSha,
        parallelism: request.parallelism,
        failFast: request.failFast,
        forceLock: request.forceLock,
        redeploy: redeployCommand({ ...request, sha })
      },
      deps,
      root
    )
    return {
      exitCode: run.exitCode,
      diagnostics: run.diagnostics,
      data: {
        ...base,
        report: run.report,
        reportPath: run.reportPath,
        ...(run.evidence ? { recorded: run.evidence } : {})
      }
    }
  } finally {
    await rm(checkout.top, { recursive: true, force: true })
  }
}

async function resolveCommit(root: string, ref: string): Promise<string> {
  const sha = await tryResolveCommit(root, ref)
  if (sha === undefined) {
    throw new UsageError(
      `git does not know the commit "${ref}" in ${path.basename(root)}; pass --sha with a commit of this repository (fetch it first if it is only on the remote).`
    )
  }
  return sha
}

/** `promotion.from_branches`: the sha must be on one of them. */
async function checkBranches(
  root: string,
  sha: string,
  branches: readonly string[],
  to: string
): Promise<void> {
  if (branches.length === 0) return
  for (const branch of branches) {
    for (const ref of [branch, `origin/${branch}`]) {
      if (await isAncestorCommit(root, sha, ref)) return
    }
  }
  throw new RefusedError(
    `cannot promote ${sha.slice(0, 12)} to ${to}: it is not on ${branches.join(' or ')} (promotion.from_branches of profile "${to}"); merge it first, then promote the merged commit.`
  )
}
