import { randomBytes } from 'node:crypto'
import { errorReply, ok } from './respond.js'
import type { Reply, Route } from './types.js'

/** Settings of the server's identity provider. */
export interface AuthSettings {
  readonly url: string
  readonly tokens: Readonly<Record<string, string>>
  readonly oauthClients: readonly { clientId: string; clientSecret: string }[]
  readonly federatedClientIds?: readonly string[]
  readonly federationAudience?: string
  readonly lifetimeSeconds: number
  readonly invalidToken: 'unauthenticated' | 'numeric-403'
  readonly githubRequestToken: string
  readonly now: () => number
}

/** Bearer checks plus the OAuth and fake-GitHub endpoints. */
export interface Auth {
  /** The caller's userName, or the refusal to send. */
  check(
    authorization: string | undefined
  ): { identity: string } | { reply: Reply }
  readonly routes: readonly Route[]
  /** Makes every OAuth token issued so far invalid. */
  revokeAll(): void
  /** How many OAuth access tokens were issued. */
  issued(): number
}

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const JWT = 'urn:ietf:params:oauth:token-type:jwt'

/**
 * PATs, OAuth M2M (`client_credentials` with HTTP Basic client auth) and
 * token exchange of an ID token that the server's own fake GitHub endpoint
 * (`/_github/id-token`) issued for the expected audience. Issued tokens
 * expire after `lifetimeSeconds` by the server's clock.
 */
export function createAuth(settings: AuthSettings): Auth {
  const issued = new Map<string, { identity: string; expiresAt: number }>()
  const idTokens = new Map<string, { audience: string }>()
  let count = 0
  const issue = (identity: string): Reply => {
    const token = `oauth-${randomBytes(12).toString('hex')}`
    issued.set(token, {
      identity,
      expiresAt: settings.now() + settings.lifetimeSeconds * 1000
    })
    count++
    return ok({
      access_token: token,
      token_type: 'Bearer',
      expires_in: settings.lifetimeSeconds,
      scope: 'all-apis'
    })
  }
  const oauthError = (
    status: number,
    error: string,
    description: string
  ): Reply => ({
    status,
    body: { error, error_description: description }
  })
  const audience =
    settings.federationAudience ?? `${settings.url}/oidc/v1/token`

  const tokenRoute: Route = {
    method: 'POST',
    pattern: /^\/oidc\/v1\/token$/,
    bearer: false,
    handle: ({ form, headers }) => {
      if (form === undefined)
        return oauthError(
          400,
          'invalid_request',
          'The request must be application/x-www-form-urlencoded.'
        )
      const grant = form.get('grant_type')
      if (form.get('scope') !== 'all-apis')
        return oauthError(
          400,
          'invalid_scope',
          'The requested scope is invalid.'
        )
      if (grant === 'client_credentials') {
        const basic = /^Basic (.+)$/.exec(headers.authorization ?? '')
        if (basic === null)
          return oauthError(
            401,
            'invalid_client',
            'Client authentication failed: use HTTP Basic.'
          )
        const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
        const colon = decoded.indexOf(':')
        const id = decodeURIComponent(decoded.slice(0, colon))
        const secret = decodeURIComponent(decoded.slice(colon + 1))
        const client = settings.oauthClients.find(
          (c) => c.clientId === id && c.clientSecret === secret
        )
        if (client === undefined)
          return oauthError(
            401,
            'invalid_client',
            'Client authentication failed'
          )
        return issue(client.clientId)
      }
      if (grant === TOKEN_EXCHANGE) {
        if (form.get('subject_token_type') !== JWT)
          return oauthError(
            400,
            'invalid_request',
            'subject_token_type must be a JWT.'
          )
        const subject = idTokens.get(form.get('subject_token') ?? '')
        if (subject === undefined)
          return oauthError(
            401,
            'invalid_grant',
            'The subject token was not issued by a trusted issuer.'
          )
        if (subject.audience !== audience)
          return oauthError(
            401,
            'invalid_grant',
            `The subject token's audience ${subject.audience} does not match the federation policy.`
          )
        const clientId = form.get('client_id') ?? 'account-federation'
        if (
          settings.federatedClientIds !== undefined &&
          !settings.federatedClientIds.includes(clientId)
        )
          return oauthError(
            401,
            'invalid_client',
            `No federation policy of ${clientId} matches the token.`
          )
        return issue(clientId)
      }
      return oauthError(
        400,
        'unsupported_grant_type',
        `grant_type ${grant ?? '(none)'} is not supported.`
      )
    }
  }

  const githubRoute: Route = {
    method: 'GET',
    pattern: /^\/_github\/id-token$/,
    bearer: false,
    handle: ({ headers, query }) => {
      if (headers.authorization !== `Bearer ${settings.githubRequestToken}`)
        return { status: 401, body: { message: 'Bad credentials' } }
      const aud = query.get('audience') ?? 'https://github.com'
      const part = (value: unknown) =>
        Buffer.from(JSON.stringify(value)).toString('base64url')
      const jwt = [
        part({ alg: 'RS256', typ: 'JWT' }),
        part({
          iss: 'https://token.actions.githubusercontent.com',
          aud,
          sub: 'repo:octo-org/octo-repo:environment:test',
          exp: Math.floor(settings.now() / 1000) + 300
        }),
        randomBytes(16).toString('base64url')
      ].join('.')
      idTokens.set(jwt, { audience: aud })
      return ok({ count: 1, value: jwt })
    }
  }

  return {
    check(authorization) {
      const bearer = /^Bearer (.+)$/.exec(authorization ?? '')
      if (bearer === null)
        return {
          reply: errorReply(
            401,
            401,
            'Credential was not sent or was of an unsupported type for this API.'
          )
        }
      const token = bearer[1]
      const pat = settings.tokens[token]
      if (pat !== undefined) return { identity: pat }
      const oauth = issued.get(token)
      if (oauth !== undefined) {
        if (settings.now() < oauth.expiresAt)
          return { identity: oauth.identity }
        return {
          reply: errorReply(401, 'UNAUTHENTICATED', 'Token is expired.')
        }
      }
      return {
        reply:
          settings.invalidToken === 'numeric-403'
            ? errorReply(403, 403, 'Invalid access token.')
            : errorReply(401, 'UNAUTHENTICATED', 'Invalid access token.')
      }
    },
    routes: [tokenRoute, githubRoute],
    revokeAll: () => issued.clear(),
    issued: () => count
  }
}

/** `GET /api/2.0/preview/scim/v2/Me`. */
export function scimRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/api\/2\.0\/preview\/scim\/v2\/Me$/,
      handle: ({ identity }) =>
        ok({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          id: String(Math.abs(hash(identity ?? ''))),
          userName: identity,
          displayName: identity,
          active: true,
          emails: [{ value: identity, type: 'work', primary: true }]
        })
    }
  ]
}

function hash(text: string): number {
  let h = 0
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0
  return h
}
