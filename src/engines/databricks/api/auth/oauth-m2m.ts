import {
  TOKEN_PATH,
  readTokenResponse,
  tokenRefusal
} from './token-response.js'
import type { CredentialOrigin, CredentialsProvider } from './types.js'

/**
 * OAuth machine-to-machine: a service principal's client id and secret
 * traded at `<host>/oidc/v1/token` (`grant_type=client_credentials`,
 * `scope=all-apis`, the client authenticated with HTTP Basic) for a token
 * that lives about an hour. The client caches it and asks again before it
 * expires.
 */
export function createOAuthM2MProvider(
  host: string,
  clientId: string,
  clientSecret: string,
  origin: CredentialOrigin
): CredentialsProvider {
  const url = `${host}${TOKEN_PATH}`
  return {
    method: 'oauth-m2m',
    origin,
    secrets: [clientSecret],
    async token(exchange) {
      try {
        const body = await exchange.postForm(
          url,
          { grant_type: 'client_credentials', scope: 'all-apis' },
          { username: clientId, password: clientSecret }
        )
        return readTokenResponse(body, 'oauth-m2m', url)
      } catch (error) {
        throw tokenRefusal(error, 'oauth-m2m', origin, url)
      }
    }
  }
}
