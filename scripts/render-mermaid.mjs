#!/usr/bin/env node
/* global process, console */
// Renders a Mermaid file to PNG in headless Chromium, with the Mermaid bundle
// this repo installs (node_modules/mermaid/dist/mermaid.min.js), so the
// picture is what that Mermaid draws, not a third-party renderer's idea of it.
//
//   node scripts/render-mermaid.mjs docs/sample-lineage.mmd docs/sample-lineage.png
//
// Two passes: the first dumps the DOM to learn the drawing's size, the second
// takes a screenshot at that size. Chromium runs without network, sync or
// updates, with a fresh profile that is removed afterwards. CHROMIUM=path
// overrides the browser; SCALE=2 (default) renders at twice the pixel density.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const [input, output] = process.argv.slice(2)
if (!input || !output) {
  console.error('usage: node scripts/render-mermaid.mjs INPUT.mmd OUTPUT.png')
  process.exit(2)
}
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bundle = pathToFileURL(
  path.join(repo, 'node_modules/mermaid/dist/mermaid.min.js')
).href
const browser = process.env.CHROMIUM ?? 'chromium'
const scale = Number(process.env.SCALE ?? 2)
const margin = 24

const source = await readFile(input, 'utf8')
const work = await mkdtemp(path.join(tmpdir(), 'render-mermaid-'))
try {
  const page = path.join(work, 'page.html')
  // The diagram goes in as JSON so no character of it can end the script.
  await writeFile(
    page,
    `<!doctype html><meta charset="utf-8">
<style>body{margin:${margin}px;background:#fff;font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif}</style>
<div id="out"></div>
<script src="${bundle}"></script>
<script>
  mermaid.initialize({ startOnLoad: false, theme: 'default', securityLevel: 'strict' })
  mermaid.render('lineage', ${JSON.stringify(source)}).then(({ svg }) => {
    document.getElementById('out').innerHTML = svg
    // Mermaid scales the drawing to the page width; draw it at its own size.
    const el = document.querySelector('#out svg')
    const box = el.viewBox.baseVal
    el.style.maxWidth = 'none'
    el.setAttribute('width', box.width)
    el.setAttribute('height', box.height)
    document.body.dataset.size = Math.ceil(box.width) + 'x' + Math.ceil(box.height)
  }, (error) => { document.body.dataset.error = String(error) })
</script>`
  )
  const flags = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${path.join(work, 'profile')}`,
    '--virtual-time-budget=15000',
    '--allow-file-access-from-files'
  ]
  const dump = await run(
    browser,
    [...flags, '--dump-dom', pathToFileURL(page).href],
    {
      maxBuffer: 64 * 1024 * 1024
    }
  )
  const error = /data-error="([^"]*)"/.exec(dump.stdout)
  if (error) throw new Error(`Mermaid refused the diagram: ${error[1]}`)
  const size = /data-size="(\d+)x(\d+)"/.exec(dump.stdout)
  if (!size) throw new Error('the diagram did not render (no size in the DOM)')
  const width = Number(size[1]) + 2 * margin
  const height = Number(size[2]) + 2 * margin
  await run(browser, [
    ...flags,
    `--force-device-scale-factor=${scale}`,
    `--window-size=${width},${height}`,
    `--screenshot=${path.resolve(output)}`,
    pathToFileURL(page).href
  ])
  console.log(`${output}: ${width}x${height} CSS px at scale ${scale}`)
} finally {
  await rm(work, { recursive: true, force: true })
}
