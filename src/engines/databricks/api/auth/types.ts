/** The authentication methods dtflw speaks, named as `DATABRICKS_AUTH_TYPE`. */
export type AuthMethod = 'pat' | 'oauth-m2m' | 'github-oidc'

/** A bearer token and, for OAuth tokens, how long it lives. */
export interface AccessToken {
  readonly value: string
  /** Seconds from when it was issued; absent for tokens that do not expire. */
  readonly expiresInSeconds?: number
}

/** Where a credential came from and how to fix it, for error messages. */
export interface CredentialOrigin {
  /** e.g. `the personal access token from DATABRICKS_TOKEN`. */
  readonly describe: string
  /** e.g. `create a new token and set DATABRICKS_TOKEN`. */
  readonly fix: string
}

/**
 * The HTTP a provider needs to obtain a token, supplied by the client (so
 * timeouts, retries, the HTTPS rule and the request hook apply to it too).
 * Failures throw `DatabricksApiError` or `DatabricksNetworkError`.
 */
export interface TokenExchange {
  /** POSTs `application/x-www-form-urlencoded`, optionally with HTTP Basic. */
  postForm(
    url: string,
    form: Readonly<Record<string, string>>,
    basic?: { readonly username: string; readonly password: string }
  ): Promise<Readonly<Record<string, unknown>>>
  /** GETs JSON with `Authorization: Bearer <bearer>`. */
  getJson(
    url: string,
    bearer: string
  ): Promise<Readonly<Record<string, unknown>>>
  /** Registers a secret met on the way (an ID token) for redaction and masking. */
  secret(value: string): void
}

/**
 * One resolved way to authenticate. It holds the static secrets; the client
 * asks it for an access token and caches the answer.
 */
export interface CredentialsProvider {
  readonly method: AuthMethod
  readonly origin: CredentialOrigin
  /** Every secret value it holds, for masking (`core.setSecret`). */
  readonly secrets: readonly string[]
  /** Obtains a token; PATs return themselves. */
  token(exchange: TokenExchange): Promise<AccessToken>
}
