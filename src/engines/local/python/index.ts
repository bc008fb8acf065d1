// Python notebooks on the local engine: the interpreter and its clean
// environment, the warm workers and the harness they run (`*.py` beside
// these modules; the build copies them beside each bundle), bwrap for a
// strict sandbox, and the Python step itself (`executePythonStep`).
export { planPythonCommand } from './python-env.js'
export type { PythonCommand } from './python-env.js'
export { createPythonRunner } from './python-runner.js'
export type { PythonRunner, SandboxLevel } from './python-runner.js'
export { executePythonStep } from './python-step.js'
export type { SparkChoice } from './python-step.js'
