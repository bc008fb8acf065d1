import { sha256 } from '../io/index.js'

// Fixed, so that the same run id always gives the same UUIDs.
const DTFLW_NAMESPACE = Buffer.from('c0b5bc5e4e6a4d0c9d5f6c1b3f2f7a10', 'hex')

/**
 * A name-based UUID as in RFC 9562's SHA-256 example of version 8: the hash
 * of a namespace and the name, with version and variant bits set. Rendering
 * a report again gives the same run ids, so re-sent OpenLineage events
 * update their runs instead of adding new ones.
 */
export function nameUuid(name: string): string {
  const digest = sha256(
    Buffer.concat([DTFLW_NAMESPACE, Buffer.from(name, 'utf8')])
  )
  const hex = digest.slice(0, 32).split('')
  hex[12] = '8'
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return [
    h.slice(0, 8),
    h.slice(8, 12),
    h.slice(12, 16),
    h.slice(16, 20),
    h.slice(20)
  ].join('-')
}
