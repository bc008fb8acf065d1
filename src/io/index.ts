export { writeFileAtomic, temporarySibling } from './atomic-write.js'
export { sha256, hashFile, stableHash, stableStringify } from './hash.js'
export { mapLimit } from './concurrency.js'
export {
  tryReadGitSha,
  tryReadFeatureBranch,
  tryGitTopLevel,
  tryResolveCommit,
  isAncestorCommit,
  ensureCommit,
  checkoutRefToTemp
} from './git.js'
export {
  pathExists,
  isDirectory,
  tryReadText,
  checkRegularFileInside,
  toPosixRelative
} from './files.js'
export {
  readTextFile,
  readTextFileSync,
  UnreadableFileError,
  problemOfError,
  problemOfKind
} from './read-text.js'
export type { FileProblem, FileProblemCode } from './read-text.js'
export { parseJsonRecord } from './json-record.js'
export { findPackagePath } from './package-path.js'
