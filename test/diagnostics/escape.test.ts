import { describe, expect, it } from '@jest/globals'
import {
  escapeControls,
  formatText,
  boundTail,
  boundText,
  displayText,
  escapeText,
  guardJsonText,
  guardWorkflowCommands
} from '../../src/diagnostics/index.js'

describe('escapeText', () => {
  it('shows line breaks, terminal escapes and other controls as escapes, on one line', () => {
    expect(escapeText('a\nb\r\nc\td\\e')).toBe('a\\nb\\r\\nc\\td\\\\e')
    expect(escapeText('\x1b[31mred\x1b[0m\x07\x00\x7f\x9b')).toBe(
      '\\x1b[31mred\\x1b[0m\\x07\\x00\\x7f\\x9b'
    )
  })

  it('shows text that reads otherwise than it is: bidirectional overrides, zero widths, separators, lone surrogates', () => {
    expect(escapeText('abc\u202edcba\u200b\u2028\ufeff\ud800x')).toBe(
      'abc\\u202edcba\\u200b\\u2028\\ufeff\\ud800x'
    )
  })

  it('keeps letters of every script, emoji and punctuation as they are', () => {
    const text = 'café 日本 Ωmega 🚀 "quoted" [x] {y} 100% ok'
    expect(escapeText(text)).toBe(text)
  })

  it('never leaves a legacy workflow command (##[) anywhere in the text', () => {
    expect(escapeText('x ##[add-mask]secret')).toBe('x #\\x23[add-mask]secret')
    expect(escapeText('###[warning]x')).not.toContain('##[')
  })
})

describe('displayText', () => {
  it('cuts at a length, never inside a character, and says how much it cut', () => {
    expect(displayText('abcdef', 10)).toBe('abcdef')
    expect(displayText('abcdef', 4)).toBe('abcd… (2 more characters)')
    expect(displayText('ab🚀cd', 3)).toBe('ab… (4 more characters)')
    expect(displayText('x'.repeat(5_000_000), 3)).toBe(
      'xxx… (4,999,997 more characters)'
    )
  })

  it('counts from the whole length when the text is already a cut copy', () => {
    expect(displayText('abc', 2, 5_000_000)).toBe(
      'ab… (4,999,998 more characters)'
    )
  })
})

describe('boundText and boundTail', () => {
  it('keep the start of a value, or the end of a traceback, and say what was cut', () => {
    expect(boundText('abcdef', 4)).toEqual({ text: 'abcd', cut: 2 })
    expect(boundText('abc', 4)).toEqual({ text: 'abc', cut: 0 })
    expect(boundTail('line1\nline2\nValueError', 10)).toBe(
      '… (12 characters cut)\nValueError'
    )
    expect(boundTail('short', 10)).toBe('short')
  })
})

describe('guardWorkflowCommands', () => {
  it('keeps every line from starting a workflow command, whatever ends the line before it', () => {
    const text = [
      '::add-mask::x',
      '  ::warning::y',
      '\u00a0::error::z',
      'ok ::not-at-start::',
      'say ##[stop-commands]t'
    ].join('\n')
    const guarded = guardWorkflowCommands(`${text}\r::debug::a\r\n::notice::b`)
    for (const line of guarded.split(/\r\n|\r|\n/)) {
      expect(line.trimStart()).not.toMatch(/^::/)
      expect(line).not.toContain('##[')
    }
    expect(guarded.split('\n')[0]).toBe('\\x3a:add-mask::x')
    expect(guarded).toContain('ok ::not-at-start::')
  })

  it('leaves ordinary text alone', () => {
    const text = 'Run 1 of sales: succeeded in 0.5s.\n  ok  load  0.5s'
    expect(guardWorkflowCommands(text)).toBe(text)
  })
})

describe('guardJsonText', () => {
  it('writes the same document with what JSON leaves raw escaped, and no ##[', () => {
    const value = { exit: '##[add-mask]x \u009b31m \u202e \u2028 ::warning::y' }
    const text = guardJsonText(JSON.stringify(value, null, 2))
    expect(JSON.parse(text)).toEqual(value)
    expect(text).not.toContain('##[')
    expect(text).not.toMatch(/[\u0080-\u009f\u202e\u2028]/)
    for (const line of text.split('\n')) {
      expect(line.trimStart()).not.toMatch(/^::/)
    }
  })
})

describe('escapeControls and formatText', () => {
  it("show what a message quotes without a control character, and dtflw's own backslashes as they are", () => {
    expect(escapeControls('match ^[\\w\\-]+$ in C:\\data\x1b[2J\n::x')).toBe(
      'match ^[\\w\\-]+$ in C:\\data\\x1b[2J\\n::x'
    )
    expect(
      formatText({
        severity: 'error',
        code: 'x',
        summary: 'the workspace said: boom\n::error::forged',
        detail: 'line one\x07\nline two'
      })
    ).toBe(
      'error: the workspace said: boom\\n::error::forged\n  line one\\x07\n  line two'
    )
  })
})
