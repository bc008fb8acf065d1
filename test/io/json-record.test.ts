import { describe, expect, it } from '@jest/globals'
import { parseJsonRecord } from '../../src/io/index.js'

interface Lock {
  id: string
  owner: string
  expiresAt?: string
}

describe('parseJsonRecord', () => {
  it('gives back a record that has every string field the reader needs', () => {
    expect(
      parseJsonRecord<Lock>('{"id":"a","owner":"ci","extra":1}', [
        'id',
        'owner'
      ])
    ).toEqual({ id: 'a', owner: 'ci', extra: 1 })
  })

  it('treats a missing, truncated, wrongly typed or non-object record as absent', () => {
    for (const text of [
      undefined,
      '',
      '{"id":"a","owner":',
      '{"id":"a","owner":7}',
      '{"id":"a"}',
      '["id","owner"]',
      'null',
      '"id"'
    ]) {
      expect([text, parseJsonRecord<Lock>(text, ['id', 'owner'])]).toEqual([
        text,
        undefined
      ])
    }
  })
})
