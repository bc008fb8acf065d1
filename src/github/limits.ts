import { COMMENT_MAX_CHARS, utf8Length } from '../lineage/index.js'

/** GitHub refuses a pull-request comment longer than this (HTTP 422). */
export const COMMENT_LIMIT = COMMENT_MAX_CHARS

/**
 * GitHub drops a step's job summary over 1 MiB ("upload aborted, supports
 * content up to a size of 1024k").
 */
export const JOB_SUMMARY_LIMIT = 1024 * 1024

/** GitHub shows this many annotations of each level per step, and drops the rest. */
export const ANNOTATIONS_PER_LEVEL = 10

/**
 * The size of text as the strictest of GitHub's counts: UTF-16 units
 * (never fewer than characters) or UTF-8 bytes. Both are additive, so the
 * size of joined parts is at most the sum of their sizes.
 */
export function textSize(text: string): number {
  return Math.max(text.length, utf8Length(text))
}
