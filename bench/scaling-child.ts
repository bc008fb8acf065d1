// Measures `validate` in process on two repositories (argv: the smaller,
// then the one ten times its size) in a fresh process, and prints the
// medians as JSON. Both sizes warm the JIT first, so neither pays for
// compiling.
import { validateInProcess } from './in-process.js'
import { timeMedian } from './types.js'

const [small, large] = process.argv.slice(2)
await validateInProcess(small)
await validateInProcess(large)
const result = {
  small: await timeMedian(15, () => validateInProcess(small)),
  large: await timeMedian(7, () => validateInProcess(large))
}
process.stdout.write(`${JSON.stringify(result)}\n`)
