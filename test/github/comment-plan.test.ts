import { describe, expect, it } from '@jest/globals'
import {
  commentMarker,
  planComment,
  readRunStamp,
  renderRunStamp
} from '../../src/github/index.js'
import type { CommentToWrite } from '../../src/github/index.js'

const MARKER = commentMarker('sales', 'test')
const SHA_A = 'a'.repeat(40)
const SHA_B = 'b'.repeat(40)

/** A comment body as a run of (sha, start) writes it. */
const body = (sha: string, started: string, text = 'report') =>
  `${MARKER}\n${renderRunStamp(sha, started)}\n${text}\n`

const next = (
  sha: string,
  started: string,
  text = 'report'
): CommentToWrite => ({
  body: body(sha, started, text),
  marker: MARKER,
  headSha: sha,
  runStartedAt: started
})

const T1 = '2026-03-01T10:00:00.000Z'
const T2 = '2026-03-01T10:05:00.000Z'

describe('commentMarker and the run stamp', () => {
  it('marks one pipeline and profile, and no name can close the HTML comment', () => {
    expect(MARKER).toBe('<!-- dtflw:sales:test -->')
    expect(commentMarker('a-->b', 'x:y')).toBe(
      '<!-- dtflw:a%2D%2D%3Eb:x%3Ay -->'
    )
    expect(commentMarker('a', 'b:c')).not.toBe(commentMarker('a:b', 'c'))
  })

  it('records and reads back the head sha and the run start', () => {
    const stamp = renderRunStamp(SHA_A, '2026-03-01T11:00:00+01:00')
    expect(stamp).toBe(
      `<!-- dtflw:run head=${SHA_A} started=2026-03-01T10:00:00.000Z -->`
    )
    expect(readRunStamp(`${MARKER}\r\n${stamp}\r\nbody`)).toEqual({
      headSha: SHA_A,
      startedMs: Date.parse(T1)
    })
    expect(readRunStamp(`${MARKER}\nno stamp`)).toBeUndefined()
  })

  it('refuses a run start that is not a time', () => {
    expect(() => renderRunStamp(SHA_A, 'yesterday')).toThrow(
      'runStartedAt must be an ISO 8601 time, got "yesterday"'
    )
  })
})

describe('planComment', () => {
  it('creates when no comment carries our marker', () => {
    expect(
      planComment(
        [
          { id: 1, body: 'LGTM' },
          { id: 2, body: `${commentMarker('sales', 'production')}\nother` },
          { id: 3, body: `quoting ${MARKER} in the middle` }
        ],
        next(SHA_A, T1)
      )
    ).toEqual({ action: 'create' })
  })

  it('updates our comment with a newer run', () => {
    const plan = planComment(
      [
        { id: 1, body: 'LGTM' },
        { id: 2, body: body(SHA_A, T1, 'old') }
      ],
      next(SHA_B, T2, 'new')
    )
    expect(plan).toEqual({
      action: 'update',
      id: 2,
      body: body(SHA_B, T2, 'new'),
      remove: []
    })
  })

  it('does nothing when the comment already holds this report', () => {
    expect(
      planComment([{ id: 2, body: body(SHA_A, T1) }], next(SHA_A, T1))
    ).toEqual({
      action: 'none',
      id: 2,
      reason: 'unchanged'
    })
  })

  it('lets a run rewrite its own report (same sha and start)', () => {
    const plan = planComment(
      [{ id: 2, body: body(SHA_A, T1, 'running') }],
      next(SHA_A, T1, 'done')
    )
    expect(plan).toMatchObject({
      action: 'update',
      id: 2,
      body: body(SHA_A, T1, 'done')
    })
  })

  it('never lets an older run overwrite a newer report', () => {
    expect(
      planComment(
        [{ id: 2, body: body(SHA_B, T2, 'new') }],
        next(SHA_A, T1, 'old')
      )
    ).toEqual({ action: 'none', id: 2, reason: 'newer-report' })
  })

  it('breaks a tie of start times by head sha, the same way in every run', () => {
    const a = next(SHA_A, T1, 'a')
    const b = next(SHA_B, T1, 'b')
    expect(planComment([{ id: 2, body: a.body }], b)).toMatchObject({
      action: 'update',
      body: b.body
    })
    expect(planComment([{ id: 2, body: b.body }], a)).toMatchObject({
      action: 'none',
      reason: 'newer-report'
    })
  })

  it('treats a comment without a readable run record as older than any report', () => {
    expect(
      planComment([{ id: 2, body: `${MARKER}\nhand edited` }], next(SHA_A, T1))
    ).toMatchObject({ action: 'update', id: 2 })
  })

  it('recognises our comment after a web edit turned line ends into CRLF', () => {
    const crlf = body(SHA_B, T2).replace(/\n/g, '\r\n')
    expect(planComment([{ id: 2, body: crlf }], next(SHA_A, T1))).toEqual({
      action: 'none',
      id: 2,
      reason: 'newer-report'
    })
  })

  it('folds duplicates into the oldest comment, which gets the newest report', () => {
    const existing = [
      { id: 5, body: body(SHA_A, T1, 'first') },
      { id: 9, body: body(SHA_B, T2, 'newest') },
      { id: 7, body: `${MARKER}\nunreadable` }
    ]
    expect(planComment(existing, next(SHA_A, T1, 'older run'))).toEqual({
      action: 'update',
      id: 5,
      body: body(SHA_B, T2, 'newest'),
      remove: [7, 9]
    })
    expect(
      planComment(
        [{ id: 5, body: body(SHA_B, T2, 'newest') }, ...existing.slice(1)],
        next(SHA_B, T2, 'newest')
      )
    ).toEqual({ action: 'update', id: 5, remove: [7, 9] })
  })
})
