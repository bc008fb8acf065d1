import type { DeployRequest, PromoteRequest, RunRequest } from './union.js'

/**
 * The command line that deploys to the same folder again (`dtflw run
 * --profile test --preview pr-7`), for messages such as how to break a
 * deploy lock.
 */
export function redeployCommand(
  request: DeployRequest | RunRequest | PromoteRequest
): string {
  if (request.command === 'promote')
    return `dtflw promote --to ${request.to}${request.sha ? ` --sha ${request.sha}` : ''}`
  return `dtflw ${request.command} --profile ${request.profile}${request.preview ? ` --preview ${request.preview}` : ''}`
}
