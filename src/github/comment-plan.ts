/*
 * Which comment on a pull request is ours, and what to do with it.
 *
 * Our comment starts with a hidden marker line, `<!-- dtflw:<pipeline>:<profile> -->`,
 * so each pipeline and profile keeps one comment, and is written by the
 * account the Action posts as. Anyone who may comment can copy the marker:
 * a comment by anyone else is never ours, whatever it holds, and is
 * neither read as a report nor edited nor deleted. The next line records the
 * run that wrote it: `<!-- dtflw:run head=<sha> started=<ISO time> -->`.
 *
 * The rule between runs: a report is newer when its run started later; on
 * the same start time the greater head sha wins (arbitrary, but the same in
 * every run, so racing runs agree). A comment whose run line is missing or
 * unreadable is older than any report. An older run never overwrites a
 * newer report; a run may rewrite its own report (same start and sha).
 *
 * Duplicates (two runs that both found no comment and both created one)
 * are folded: the oldest comment (lowest id) keeps its place in the
 * conversation and receives the newest report among ours and the next one;
 * the other marked comments are removed. Any run may fold, since folding
 * only moves the newest report that already exists.
 */

import { InternalError } from '../diagnostics/index.js'

/** A comment as the pull request lists it. */
export interface ExistingComment {
  readonly id: number
  readonly body: string
  readonly url?: string
  /** Its author's login as the REST API gives it (`github-actions[bot]`); `''` for a deleted account. */
  readonly author: string
}

/** The report a run wants on the pull request. */
export interface CommentToWrite {
  readonly body: string
  /** `commentMarker(pipeline, profile)`; the body starts with it. */
  readonly marker: string
  readonly headSha: string
  /** ISO 8601: when the writing run started. */
  readonly runStartedAt: string
}

/** Why nothing needs writing. */
export type CommentNoneReason = 'unchanged' | 'newer-report'

/** What to do on the pull request. */
export type CommentPlan =
  | { readonly action: 'create' }
  | {
      readonly action: 'update'
      readonly id: number
      /**
       * What the kept comment gets: `next.body`, or a newer report folded
       * from a duplicate. Absent when it holds the newest report already
       * and only duplicates go.
       */
      readonly body?: string
      /** Duplicates of ours to delete once the update is written. */
      readonly remove: readonly number[]
    }
  | {
      readonly action: 'none'
      readonly id: number
      readonly reason: CommentNoneReason
    }

/** The hidden first line that marks the comment of one pipeline and profile. */
export function commentMarker(pipeline: string, profile: string): string {
  // Encoded so a name can never close the HTML comment or clash with a
  // longer name (`a:b` vs `a` with profile `b:…`).
  const part = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D')
  return `<!-- dtflw:${part(pipeline)}:${part(profile)} -->`
}

/** The hidden line that records which run wrote a report. */
export function renderRunStamp(headSha: string, runStartedAt: string): string {
  const sha = headSha.replace(/[^0-9A-Za-z]/g, '')
  return `<!-- dtflw:run head=${sha} started=${isoTime(runStartedAt)} -->`
}

/** The run recorded in a comment body, if it has a readable one. */
export function readRunStamp(
  body: string
): { readonly headSha: string; readonly startedMs: number } | undefined {
  const m = /^<!-- dtflw:run head=([0-9A-Za-z]*) started=(\S+) -->\r?$/m.exec(
    body
  )
  if (!m) return undefined
  const startedMs = Date.parse(m[2])
  return Number.isNaN(startedMs) ? undefined : { headSha: m[1], startedMs }
}

/**
 * Decides how to bring the pull request's comments to the newest report,
 * among the comments `author` (the account the Action posts as) wrote. Pure.
 */
export function planComment(
  existing: readonly ExistingComment[],
  next: CommentToWrite,
  author: string
): CommentPlan {
  const ours = existing
    .filter((c) => author !== '' && c.author === author)
    .filter((c) => isOurs(c.body, next.marker))
    .sort((a, b) => a.id - b.id)
  if (ours.length === 0) return { action: 'create' }

  const keeper = ours[0]
  const stamp = (body: string) => {
    const s = readRunStamp(body)
    return s ?? { headSha: '', startedMs: -Infinity }
  }
  const nextStamp = {
    headSha: next.headSha.replace(/[^0-9A-Za-z]/g, ''),
    startedMs: Date.parse(isoTime(next.runStartedAt))
  }
  let newest = ours[0]
  for (const c of ours)
    if (compareStamps(stamp(c.body), stamp(newest.body)) > 0) newest = c
  const nextWins = compareStamps(nextStamp, stamp(newest.body)) >= 0
  const body = nextWins ? next.body : newest.body
  const remove = ours.slice(1).map((c) => c.id)
  if (keeper.body === body && remove.length === 0) {
    return {
      action: 'none',
      id: keeper.id,
      reason: nextWins ? 'unchanged' : 'newer-report'
    }
  }
  return {
    action: 'update',
    id: keeper.id,
    ...(keeper.body === body ? {} : { body }),
    remove
  }
}

// The marker must be the whole first line; a web edit may turn `\n` into `\r\n`.
function isOurs(body: string, marker: string): boolean {
  if (!body.startsWith(marker)) return false
  const after = body.charAt(marker.length)
  return after === '' || after === '\n' || after === '\r'
}

function compareStamps(
  a: { headSha: string; startedMs: number },
  b: { headSha: string; startedMs: number }
): number {
  if (a.startedMs !== b.startedMs) return a.startedMs < b.startedMs ? -1 : 1
  return a.headSha < b.headSha ? -1 : a.headSha > b.headSha ? 1 : 0
}

/** A time as ISO 8601 UTC; refuses what is not a time, as the order depends on it. */
function isoTime(text: string): string {
  const ms = Date.parse(text)
  if (Number.isNaN(ms))
    throw new InternalError(
      `runStartedAt must be an ISO 8601 time, got "${text}"`
    )
  return new Date(ms).toISOString()
}
