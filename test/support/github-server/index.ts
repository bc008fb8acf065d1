export {
  startGitHubServer,
  READ_TOKEN,
  USER_TOKEN,
  WRITE_TOKEN
} from './server.js'
export type { Identity } from './reply.js'
export { COMMENT_BODY_MAX } from './comments.js'
export type {
  FaultRule,
  GitHubServer,
  GitHubServerOptions,
  Latency,
  RecordedRequest,
  RequestView,
  StoredComment,
  StoredDeployment,
  StoredDeploymentStatus
} from './types.js'
