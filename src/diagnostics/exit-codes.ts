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
  Internal: 70,
  /** Interrupted by SIGINT (Ctrl-C): 128 + 2, as shells report it. */
  Interrupted: 130,
  /** Stopped by SIGTERM (a cancelled CI job): 128 + 15. */
  Terminated: 143
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** 143 for SIGTERM, 130 for anything else that stopped a command. */
export function exitCodeOfSignal(reason: unknown): ExitCode {
  return reason === 'SIGTERM' ? ExitCode.Terminated : ExitCode.Interrupted
}
