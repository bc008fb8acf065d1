import path from 'node:path'

/** The longest step file name the engine uses as it is. */
const MAX_NAME = 200

/**
 * True when a step key can name a file and a folder as it is: not empty,
 * not `.` or `..`, no path separator or control character. `validate`
 * refuses other keys; the engine checks again, so that no key it is given
 * can reach outside the run folder.
 */
export function isSafeFileName(key: string): boolean {
  return (
    key !== '' &&
    key !== '.' &&
    key !== '..' &&
    key.length <= MAX_NAME &&
    // eslint-disable-next-line no-control-regex
    !/[/\\\x00-\x1f\x7f]/.test(key)
  )
}

/**
 * The name of a step's log and work folder: its key, or for a key that is
 * no safe file name, `unsafe-keys/key-` and the key's bytes in hex, a
 * path no safe key gives (such a step fails before it runs, and its log
 * says why).
 */
export function stepFileName(key: string): string {
  if (isSafeFileName(key)) return key
  const hex = Buffer.from(key, 'utf8').toString('hex').slice(0, MAX_NAME)
  return `unsafe-keys/key-${hex}`
}

/** A step's private folder (temporary files, HOME in a strict sandbox). */
export function stepWorkDir(runDir: string, key: string): string {
  return path.join(runDir, 'work', stepFileName(key))
}

/** Where a step's captured output goes, relative to the run folder. */
export function stepLogPath(key: string): string {
  return `logs/${stepFileName(key)}.log`
}
