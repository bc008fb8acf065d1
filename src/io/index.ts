export { writeFileAtomic, temporarySibling } from './atomic-write.js'
export { sha256, hashFile, stableHash, stableStringify } from './hash.js'
export { mapLimit } from './concurrency.js'
export { tryReadGitSha, tryGitTopLevel, checkoutRefToTemp } from './git.js'
export {
  pathExists,
  isDirectory,
  tryReadText,
  toPosixRelative
} from './files.js'
