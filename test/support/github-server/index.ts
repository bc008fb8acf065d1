export { startGitHubServer, READ_TOKEN, WRITE_TOKEN } from './server.js'
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
