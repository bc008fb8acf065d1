import { randomUUID } from 'node:crypto'
import type { Reply } from './types.js'

/** A route's refusal, in the API's error shape. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string
  ) {
    super(message)
  }
}

/** `{error_code, message, details: [RequestInfo]}`, as the API sends. */
export function errorReply(
  status: number,
  errorCode: string | number,
  message: string
): Reply {
  const requestId = randomUUID()
  return {
    status,
    headers: { 'x-request-id': requestId },
    body: {
      error_code: errorCode,
      message,
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.RequestInfo',
          request_id: requestId,
          serving_data: ''
        }
      ]
    }
  }
}

/** 200 with a JSON body. */
export function ok(body: unknown = {}): Reply {
  return { status: 200, body }
}

/** 400 INVALID_PARAMETER_VALUE. */
export function invalid(message: string): ApiFailure {
  return new ApiFailure(400, 'INVALID_PARAMETER_VALUE', message)
}

/** Reads a string field of a JSON body, or fails as the API would. */
export function requireString(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field]
  if (typeof value !== 'string' || value === '')
    throw invalid(`Missing required field: ${field}`)
  return value
}

/** Reads a required numeric id from the query or body. */
export function requireId(value: unknown, field: string): number {
  const n = typeof value === 'string' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n))
    throw invalid(`Missing required field: ${field}`)
  return n
}
