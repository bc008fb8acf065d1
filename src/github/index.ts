export type { GitHubClient, PullRequestRef, RepoRef } from './client.js'
export type { GitHubReportInput } from './types.js'
export { renderComment } from './comment-body.js'
export type { CommentOptions } from './comment-body.js'
export {
  commentMarker,
  planComment,
  readRunStamp,
  renderRunStamp
} from './comment-plan.js'
export type {
  CommentNoneReason,
  CommentPlan,
  CommentToWrite,
  ExistingComment
} from './comment-plan.js'
export { upsertComment } from './comment.js'
export { findCommentAuthor } from './identity.js'
export type { UpsertResult } from './comment.js'
export { renderJobSummary } from './summary.js'
export type { JobSummaryOptions } from './summary.js'
export { planAnnotations } from './annotations.js'
export type {
  Annotation,
  AnnotationLevel,
  AnnotationPlan
} from './annotations.js'
export { recordDeployment, recordDeploymentStatus } from './deployments.js'
export type {
  DeploymentRecord,
  DeploymentState,
  DeploymentStatusRecord,
  RecordedDeployment
} from './deployments.js'
export { GitHubApiError, toGitHubApiError } from './errors.js'
export type { GitHubErrorCategory } from './errors.js'
export {
  ANNOTATIONS_PER_LEVEL,
  COMMENT_LIMIT,
  JOB_SUMMARY_LIMIT
} from './limits.js'
