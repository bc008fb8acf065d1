import type { ApiCall, CallOptions } from './request.js'
import type { CurrentUser } from './types.js'

/** The caller's identity. */
export interface ScimApi {
  /** `GET /api/2.0/preview/scim/v2/Me`: who the credentials belong to. */
  me(options?: CallOptions): Promise<CurrentUser>
}

/** The SCIM `Me` endpoint over `call`; `remember` keeps the name for messages. */
export function createScimApi(
  call: ApiCall,
  remember: (userName: string) => void
): ScimApi {
  return {
    async me(options) {
      const data = (
        await call({
          method: 'GET',
          path: '/api/2.0/preview/scim/v2/Me',
          signal: options?.signal
        })
      ).data as Record<string, unknown>
      const userName = String(data.userName ?? '')
      remember(userName)
      return {
        userName,
        ...(typeof data.id === 'string' ? { id: data.id } : {}),
        ...(typeof data.displayName === 'string'
          ? { displayName: data.displayName }
          : {})
      }
    }
  }
}
