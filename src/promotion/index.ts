export {
  checkDirectAccess,
  checkPromotionTarget,
  readPromotionSettings
} from './chain.js'
export type { ChainPosition, PromotionSettings } from './chain.js'
export { judgeEvidence, parseBuildRecord, planBuildRecord } from './evidence.js'
export type { EvidenceVerdict } from './evidence.js'
export { recordBuild, readBuildRecords } from './records.js'
