import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('./mermaid-parse.mjs', import.meta.url))

/** What Mermaid's parser said of one text. */
export type ParseResult =
  | { readonly ok: true; readonly type: string }
  | { readonly ok: false; readonly error: string }

/** Parses each text with Mermaid 12's own parser in a child Node process. */
export async function parseWithMermaid(
  texts: readonly string[]
): Promise<ParseResult[]> {
  const child = spawn(process.execPath, [SCRIPT], {
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
    stdio: ['pipe', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
  child.stdin.end(JSON.stringify(texts))
  const code = await new Promise<number | null>((resolve) =>
    child.on('close', resolve)
  )
  if (code !== 0) throw new Error(`mermaid-parse exited ${code}: ${err}`)
  return JSON.parse(out) as ParseResult[]
}
