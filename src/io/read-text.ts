import { isUtf8 } from 'node:buffer'
import {
  closeSync,
  constants,
  openSync,
  readFileSync,
  readSync,
  statSync
} from 'node:fs'
import type { Stats } from 'node:fs'
import {
  DtflwError,
  ExitCode,
  errorAt,
  type Diagnostic,
  type Location
} from '../diagnostics/index.js'

/** Why a path could not be read as a text file. */
export type FileProblemCode =
  | 'missing'
  | 'directory'
  | 'fifo'
  | 'socket'
  | 'device'
  | 'permission'
  | 'loop'
  | 'outside'
  | 'unreadable'
  | 'invalid-utf8'

/** A reason a path is not a readable text file, in words. */
export interface FileProblem {
  readonly code: FileProblemCode
  /** Completes "<file> …": `does not exist`, `is a folder, not a file`. */
  readonly reason: string
  /** Where in the file, for `invalid-utf8`. */
  readonly line?: number
  readonly column?: number
}

/**
 * A file the user named cannot be read as text (exit 2). The message says
 * what the path is (a folder, a named pipe, not readable), so a wrapping
 * message never needs to repeat "cannot read".
 */
export class UnreadableFileError extends DtflwError {
  readonly exitCode = ExitCode.Invalid
  readonly diagnostics: readonly Diagnostic[]
  constructor(
    readonly file: string,
    readonly problem: FileProblem,
    location?: Location
  ) {
    const message = `${file} ${problem.reason}.`
    super(message)
    this.name = 'UnreadableFileError'
    // A bad byte is best shown where it is; anything else where the user
    // named the file.
    const at =
      problem.line !== undefined
        ? { file, line: problem.line, column: problem.column ?? 1 }
        : location
    this.diagnostics = [errorAt(codeOf(problem), message, at)]
  }
}

function codeOf(problem: FileProblem): string {
  if (problem.code === 'missing') return 'file-missing'
  if (problem.code === 'invalid-utf8') return 'invalid-utf8'
  if (problem.code === 'permission' || problem.code === 'unreadable')
    return 'file-unreadable'
  return 'not-a-file'
}

/** The problem a failed `stat`/`open` stands for. */
export function problemOfError(error: unknown): FileProblem {
  const code = (error as NodeJS.ErrnoException)?.code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'missing', reason: 'does not exist' }
    case 'EISDIR':
      return { code: 'directory', reason: 'is a folder, not a file' }
    case 'EACCES':
    case 'EPERM':
      return {
        code: 'permission',
        reason: `cannot be read: permission denied (${code})`
      }
    case 'ELOOP':
      return {
        code: 'loop',
        reason: 'is a symbolic link that loops back on itself'
      }
    default:
      return {
        code: 'unreadable',
        reason: `cannot be read (${code ?? String((error as Error)?.message ?? error)})`
      }
  }
}

/** The problem of a path that exists but is not a regular file. */
export function problemOfKind(info: Stats): FileProblem | undefined {
  if (info.isFile()) return undefined
  if (info.isDirectory())
    return { code: 'directory', reason: 'is a folder, not a file' }
  if (info.isFIFO()) {
    return {
      code: 'fifo',
      reason:
        'is a named pipe (FIFO), not a file; dtflw never reads from pipes, since a read would wait for a writer'
    }
  }
  if (info.isSocket())
    return { code: 'socket', reason: 'is a socket, not a file' }
  return { code: 'device', reason: 'is a device, not a file' }
}

/** The first byte offset where `bytes` stops being valid UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const width =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0
    if (width === 0) return i
    if (width > 1) {
      const second = bytes[i + 1]
      const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
      const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
      if (second === undefined || second < low || second > high) return i
      for (let k = 2; k < width; k++) {
        const next = bytes[i + k]
        if (next === undefined || (next & 0xc0) !== 0x80) return i
      }
    }
    i += width
  }
  return bytes.length
}

/**
 * Decodes UTF-8 strictly: a file in Latin-1 would otherwise become `caf�`
 * in a table name or a parameter. A byte-order mark is kept, as the readers
 * of each format decide what it means.
 */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (isUtf8(bytes)) return Buffer.from(bytes).toString('utf8')
  const at = firstInvalidByte(bytes)
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1
  let line = 1
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++
  const before = Buffer.from(bytes.subarray(lineStart, at)).toString('utf8')
  const column = [...before].length + 1
  const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0')
  throw new UnreadableFileError(file, {
    code: 'invalid-utf8',
    reason: `is not valid UTF-8: byte 0x${hex} at line ${line}, column ${column} (a file saved as Latin-1 or Windows-1252?); save it as UTF-8`,
    line,
    column
  })
}

/**
 * Reads a regular file as UTF-8 text. A folder, a named pipe, a socket or a
 * device is refused from `stat` alone, before anything opens it: a read from
 * a FIFO blocks until some writer comes, and the process cannot be
 * interrupted while it waits. The file is then opened non-blocking, so a
 * pipe swapped in after the `stat` fails instead of hanging. `shown` names
 * the file in messages; `location` is where the user wrote its name.
 *
 * The calls are synchronous: for the small local files dtflw reads
 * (manifests, profiles, notebooks) a direct system call costs a few
 * microseconds, where a round trip through libuv's thread pool costs ten
 * times that, and `validate` reads thousands of them.
 */
export function readTextFileSync(
  file: string,
  shown: string = file,
  location?: Location
): string {
  let info: Stats
  try {
    info = statSync(file)
  } catch (error) {
    throw new UnreadableFileError(shown, problemOfError(error), location)
  }
  const kind = problemOfKind(info)
  if (kind) throw new UnreadableFileError(shown, kind, location)
  let bytes: Buffer
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw new UnreadableFileError(shown, problemOfError(error), location)
  }
  try {
    bytes = readOpenFile(fd, info.size)
  } catch (error) {
    throw new UnreadableFileError(shown, problemOfError(error), location)
  } finally {
    closeSync(fd)
  }
  return decodeUtf8(bytes, shown)
}

/**
 * The bytes of an open file whose size `stat` gave: one `read` for the
 * usual file, where `readFileSync` would `fstat` again and read until a
 * read returns nothing. A file that grew since is read to the size seen.
 */
function readOpenFile(fd: number, size: number): Buffer {
  // Some files report no size and still have content (`/proc`, `/dev/fd`).
  if (size === 0) return readFileSync(fd)
  const buffer = Buffer.allocUnsafe(size)
  let filled = 0
  while (filled < size) {
    const got = readSync(fd, buffer, filled, size - filled, null)
    if (got === 0) break
    filled += got
  }
  return filled === size ? buffer : buffer.subarray(0, filled)
}

/** `readTextFileSync` behind a promise, for callers that await their reads. */
export async function readTextFile(
  file: string,
  shown: string = file,
  location?: Location
): Promise<string> {
  return readTextFileSync(file, shown, location)
}
