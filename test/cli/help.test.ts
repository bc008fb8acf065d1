import { describe, expect, it } from '@jest/globals'
import { helpText } from '../../src/cli/help.js'
import { COMMAND_NAMES } from '../../src/commands/index.js'

describe('helpText', () => {
  it("shows a command's usage, what it does, and each option it takes", () => {
    expect(helpText('cancel')).toBe(
      [
        'dtflw cancel --profile P --run-id ID',
        "  Cancels a run on the profile's platform (e.g. one a cancelled CI job left running).",
        '',
        'Options:',
        '  -p, --profile P  The profile (environment) to use, e.g. test. (needed)',
        "      --run-id ID  The platform's id of the run to cancel. (needed)",
        '',
        'Common options: --manifest/-m PATH, -C DIR, --json, --debug.'
      ].join('\n')
    )
  })

  it('shows the step of widgets as its argument', () => {
    expect(helpText('widgets').split('\n').slice(3, 7)).toEqual([
      'Options:',
      "  STEP                The step: its key, and its notebook's name. (needed)",
      '  -p, --profile P     The profile (environment) to use, e.g. test.',
      "      --preview NAME  A preview folder of this name under the profile's workspace root (e.g. pr-7)."
    ])
  })

  it('lists every command in the overview, and the exit codes', () => {
    const overview = helpText()
    for (const command of COMMAND_NAMES) {
      expect(overview).toContain(`\n  dtflw ${command} `)
    }
    expect(overview).toContain('Exit codes: 0 success;')
    // An unknown topic gets the overview too.
    expect(helpText('deploi')).toBe(overview)
  })
})
