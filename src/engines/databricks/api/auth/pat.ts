import type { CredentialOrigin, CredentialsProvider } from './types.js'

/** A personal access token, sent as it is (`Authorization: Bearer dapi…`). */
export function createPatProvider(
  token: string,
  origin: CredentialOrigin
): CredentialsProvider {
  return {
    method: 'pat',
    origin,
    secrets: [token],
    token: async () => ({ value: token })
  }
}
