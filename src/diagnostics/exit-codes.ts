/** The process exit codes of every dtflw command (DESIGN.md section 4). */
export const ExitCode = {
  Success: 0,
  /** A notebook failed or an output is missing. */
  StepFailed: 1,
  /** Bad usage, manifest or profile. */
  Invalid: 2,
  /** Auth, network or API failure. */
  Platform: 3,
  /** Refused: promotion gate, deploy lock. */
  Refused: 4,
  /**
   * A bug in dtflw, not in the user's input: `EX_SOFTWARE` of sysexits(3),
   * so a script can tell "fix your manifest" (2) from "report this" (70).
   */
  Internal: 70
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]
