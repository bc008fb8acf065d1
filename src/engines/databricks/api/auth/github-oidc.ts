import { DatabricksAuthError } from '../errors.js'
import {
  TOKEN_PATH,
  readTokenResponse,
  tokenRefusal
} from './token-response.js'
import type { CredentialOrigin, CredentialsProvider } from './types.js'

/** Where GitHub hands out the job's ID token (set with `id-token: write`). */
export interface GitHubIdTokenSource {
  /** `ACTIONS_ID_TOKEN_REQUEST_URL` (already has a query string). */
  readonly requestUrl: string
  /** `ACTIONS_ID_TOKEN_REQUEST_TOKEN`. */
  readonly requestToken: string
}

/**
 * GitHub Actions OIDC workload identity federation. For every token: ask
 * GitHub for the job's ID token (audience: `DATABRICKS_TOKEN_AUDIENCE`, else
 * the workspace token endpoint), then exchange it at `<host>/oidc/v1/token`
 * with the RFC 8693 token-exchange grant. Nothing is written to disk and no
 * long-lived secret exists; the federation policy on the service principal
 * decides which repository, branch or environment may do this.
 */
export function createGitHubOidcProvider(
  host: string,
  clientId: string | undefined,
  audience: string | undefined,
  source: GitHubIdTokenSource,
  origin: CredentialOrigin
): CredentialsProvider {
  const url = `${host}${TOKEN_PATH}`
  const aud = audience ?? url
  const separator = source.requestUrl.includes('?') ? '&' : '?'
  const idTokenUrl = `${source.requestUrl}${separator}audience=${encodeURIComponent(aud)}`
  return {
    method: 'github-oidc',
    origin,
    secrets: [source.requestToken],
    async token(exchange) {
      const answer = await exchange
        .getJson(idTokenUrl, source.requestToken)
        .catch((error: unknown) => {
          throw tokenRefusal(
            error,
            'github-oidc',
            {
              describe: 'the request for the GitHub Actions ID token',
              fix: 'give the job `permissions: id-token: write` and do not reuse ACTIONS_ID_TOKEN_REQUEST_TOKEN outside its job'
            },
            'ACTIONS_ID_TOKEN_REQUEST_URL'
          )
        })
      const idToken = answer.value
      if (typeof idToken !== 'string' || idToken === '')
        throw new DatabricksAuthError(
          'GitHub answered the ID token request without a token (auth method github-oidc); check that the job has `permissions: id-token: write`.',
          'github-oidc'
        )
      exchange.secret(idToken)
      const form: Record<string, string> = {
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token: idToken,
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        scope: 'all-apis'
      }
      if (clientId !== undefined) form.client_id = clientId
      try {
        const body = await exchange.postForm(url, form)
        return readTokenResponse(body, 'github-oidc', url)
      } catch (error) {
        throw tokenRefusal(error, 'github-oidc', origin, url)
      }
    }
  }
}
