import process from 'node:process'

// Checked before anything else loads: what needs a newer Node fails
// obscurely on an older one. The maintained LTS lines, from the first
// release the generator's dependencies (yeoman 10) accept: 22.18+
// (maintained until 2027-04) and 24.11+. Node 20 is end-of-life.
const [major, minor] = process.versions.node.split('.').map(Number)

/** Exits 2 with `message(version)` on a Node older than the LTS lines. */
export function requireSupportedNode(message) {
  if (
    major < 22 ||
    (major === 22 && minor < 18) ||
    (major > 22 && major < 24) ||
    (major === 24 && minor < 11)
  ) {
    process.stderr.write(message(process.versions.node))
    process.exit(2)
  }
}
