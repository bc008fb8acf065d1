export { resolveCredentials, secretsOf } from './chain.js'
export type {
  ExplicitCredentials,
  ResolveCredentialsOptions,
  ResolvedCredentials
} from './chain.js'
export { parseConfigFile } from './config-file.js'
export type { ConfigFile } from './config-file.js'
export { createPatProvider } from './pat.js'
export { createOAuthM2MProvider } from './oauth-m2m.js'
export { createGitHubOidcProvider } from './github-oidc.js'
export type { GitHubIdTokenSource } from './github-oidc.js'
export { createTokenCache } from './token-cache.js'
export type { TokenCache } from './token-cache.js'
export type {
  AccessToken,
  AuthMethod,
  CredentialOrigin,
  CredentialsProvider,
  TokenExchange
} from './types.js'
