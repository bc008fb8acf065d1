import { DatabricksApiError, DatabricksAuthError } from '../errors.js'
import type { AccessToken, AuthMethod, CredentialOrigin } from './types.js'

/** The path of the workspace OAuth token endpoint. */
export const TOKEN_PATH = '/oidc/v1/token'

/** Reads `{access_token, token_type, expires_in}` from a token endpoint. */
export function readTokenResponse(
  body: Readonly<Record<string, unknown>>,
  method: AuthMethod,
  url: string
): AccessToken {
  const value = body.access_token
  if (typeof value !== 'string' || value === '')
    throw new DatabricksAuthError(
      `the token endpoint ${url} answered without an access_token (auth method ${method}); check that the host is a Databricks workspace URL.`,
      method
    )
  const expires = Number(body.expires_in)
  return Number.isFinite(expires) && expires > 0
    ? { value, expiresInSeconds: expires }
    : { value }
}

/**
 * Turns a refusal of the token endpoint (a 4xx: bad client id or secret,
 * an ID token the federation policy does not accept) into an auth error
 * that names the method and what to fix. Other failures pass unchanged.
 */
export function tokenRefusal(
  error: unknown,
  method: AuthMethod,
  origin: CredentialOrigin,
  url: string
): unknown {
  if (
    error instanceof DatabricksApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  )
    return new DatabricksAuthError(
      `${origin.describe} was refused by ${url} (auth method ${method}; ${error.status} ${error.errorCode}: ${error.apiMessage}): ${origin.fix}.`,
      method,
      { cause: error }
    )
  return error
}
