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

/** The account the Action posts as. */
const BOT = 'github-actions[bot]'

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
          { id: 1, body: 'LGTM', author: BOT },
          {
            id: 2,
            body: `${commentMarker('sales', 'production')}\nother`,
            author: BOT
          },
          { id: 3, body: `quoting ${MARKER} in the middle`, author: BOT }
        ],
        next(SHA_A, T1),
        BOT
      )
    ).toEqual({ action: 'create' })
  })

  it('updates our comment with a newer run', () => {
    const plan = planComment(
      [
        { id: 1, body: 'LGTM', author: BOT },
        { id: 2, body: body(SHA_A, T1, 'old'), author: BOT }
      ],
      next(SHA_B, T2, 'new'),
      BOT
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
      planComment(
        [{ id: 2, body: body(SHA_A, T1), author: BOT }],
        next(SHA_A, T1),
        BOT
      )
    ).toEqual({
      action: 'none',
      id: 2,
      reason: 'unchanged'
    })
  })

  it('lets a run rewrite its own report (same sha and start)', () => {
    const plan = planComment(
      [{ id: 2, body: body(SHA_A, T1, 'running'), author: BOT }],
      next(SHA_A, T1, 'done'),
      BOT
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
        [{ id: 2, body: body(SHA_B, T2, 'new'), author: BOT }],
        next(SHA_A, T1, 'old'),
        BOT
      )
    ).toEqual({ action: 'none', id: 2, reason: 'newer-report' })
  })

  it('breaks a tie of start times by head sha, the same way in every run', () => {
    const a = next(SHA_A, T1, 'a')
    const b = next(SHA_B, T1, 'b')
    expect(
      planComment([{ id: 2, body: a.body, author: BOT }], b, BOT)
    ).toMatchObject({
      action: 'update',
      body: b.body
    })
    expect(
      planComment([{ id: 2, body: b.body, author: BOT }], a, BOT)
    ).toMatchObject({
      action: 'none',
      reason: 'newer-report'
    })
  })

  it('treats a comment without a readable run record as older than any report', () => {
    expect(
      planComment(
        [{ id: 2, body: `${MARKER}\nhand edited`, author: BOT }],
        next(SHA_A, T1),
        BOT
      )
    ).toMatchObject({ action: 'update', id: 2 })
  })

  it('recognises our comment after a web edit turned line ends into CRLF', () => {
    const crlf = body(SHA_B, T2).replace(/\n/g, '\r\n')
    expect(
      planComment([{ id: 2, body: crlf, author: BOT }], next(SHA_A, T1), BOT)
    ).toEqual({
      action: 'none',
      id: 2,
      reason: 'newer-report'
    })
  })

  it('folds duplicates into the oldest comment, which gets the newest report', () => {
    const existing = [
      { id: 5, body: body(SHA_A, T1, 'first'), author: BOT },
      { id: 9, body: body(SHA_B, T2, 'newest'), author: BOT },
      { id: 7, body: `${MARKER}\nunreadable`, author: BOT }
    ]
    expect(planComment(existing, next(SHA_A, T1, 'older run'), BOT)).toEqual({
      action: 'update',
      id: 5,
      body: body(SHA_B, T2, 'newest'),
      remove: [7, 9]
    })
    expect(
      planComment(
        [
          { id: 5, body: body(SHA_B, T2, 'newest'), author: BOT },
          ...existing.slice(1)
        ],
        next(SHA_B, T2, 'newest'),
        BOT
      )
    ).toEqual({ action: 'update', id: 5, remove: [7, 9] })
  })
  it('takes only the comments of the account it posts as: a forged report is neither read, kept, edited nor deleted', () => {
    const forged = [
      // Someone copied the marker before the first report, and again
      // later with a newer stamp that says it succeeded.
      { id: 1, body: body(SHA_B, T2, 'forged: succeeded'), author: 'mallory' },
      { id: 4, body: body(SHA_A, T1, 'report'), author: BOT },
      {
        id: 6,
        body: body(SHA_B, T2, 'forged: succeeded'),
        author: 'github-actions'
      },
      { id: 8, body: body(SHA_B, T2, 'forged: succeeded'), author: '' }
    ]
    expect(planComment(forged, next(SHA_A, T1, 'failed'), BOT)).toEqual({
      action: 'update',
      id: 4,
      body: body(SHA_A, T1, 'failed'),
      remove: []
    })
    expect(planComment([forged[0]], next(SHA_A, T1), BOT)).toEqual({
      action: 'create'
    })
    // An account that could not be told owns nothing.
    expect(planComment(forged, next(SHA_A, T1), '')).toEqual({
      action: 'create'
    })
  })
})
