const DURATION = /^([1-9][0-9]*)(s|m|h|d)$/
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/** `7d` → milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim())
  if (!match) return undefined
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}

/**
 * `--wait`: a duration, or a bare number of seconds (`--wait 30`), as
 * `timeout` and `sleep` read one. Only here: a bare `--stale 7` meaning
 * seven seconds would remove every preview.
 */
export function parseWait(text: string): number | undefined {
  const trimmed = text.trim()
  return /^[1-9][0-9]*$/.test(trimmed)
    ? Number(trimmed) * 1000
    : parseDuration(trimmed)
}
