/* global process */
// Parses Mermaid texts with Mermaid's own parser, in a plain Node process
// (jest's ESM sandbox is not where Mermaid's module graph is meant to load).
// Input: a JSON array of texts on stdin. Output: a JSON array of
// { ok: true, type } | { ok: false, error } on stdout.
//
// Flowchart labels go through DOMPurify, which in Node (no window) is an
// inert factory without `sanitize`/`addHook`. Sanitising changes no syntax,
// so identity stand-ins let the real grammar and flowchart database run.
import DOMPurify from 'dompurify'

DOMPurify.sanitize ??= (text) => text
DOMPurify.addHook ??= () => {}
const { default: mermaid } = await import('mermaid')

let input = ''
for await (const chunk of process.stdin) input += chunk
const results = []
for (const text of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(text)
    results.push({ ok: true, type: parsed.diagramType })
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error) })
  }
}
process.stdout.write(JSON.stringify(results))
