import { ok, ApiFailure, invalid, requireString } from './respond.js'
import type { Reply, Route } from './types.js'
import {
  canonicalPath,
  type Language,
  type StoredObject,
  type WorkspaceObject,
  type WorkspaceStore
} from './workspace-store.js'

const LANGUAGES = new Set(['PYTHON', 'SQL', 'SCALA', 'R'])

const HEADERS: readonly [RegExp, string, Language][] = [
  [/\.py$/i, '# Databricks notebook source', 'PYTHON'],
  [/\.r$/i, '# Databricks notebook source', 'R'],
  [/\.sql$/i, '-- Databricks notebook source', 'SQL'],
  [/\.scala$/i, '// Databricks notebook source', 'SCALA']
]

const FILE_TYPE: Record<Language, string> = {
  PYTHON: 'py',
  SQL: 'sql',
  SCALA: 'scala',
  R: 'r'
}

/** The Workspace API 2.0 routes over `store`. */
export function workspaceRoutes(store: WorkspaceStore): Route[] {
  const base = '/api/2.0/workspace'
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^${base}/import$`),
      handle: ({ json }) => importObject(store, json)
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${base}/mkdirs$`),
      handle: ({ json }) => {
        store.mkdirs(requireString(json, 'path'))
        return ok()
      }
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/get-status$`),
      handle: ({ query }) => {
        const path = requireQuery(query, 'path')
        return ok(objectInfo(canonicalPath(path), found(store, path)))
      }
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/list$`),
      handle: ({ query }) => {
        const path = requireQuery(query, 'path')
        const object = found(store, path)
        const objects =
          object.kind === 'DIRECTORY'
            ? store.children(path).map(([p, o]) => objectInfo(p, o))
            : [objectInfo(canonicalPath(path), object)]
        return ok(objects.length === 0 ? {} : { objects })
      }
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${base}/delete$`),
      handle: ({ json }) => {
        const recursive = (json as { recursive?: unknown })?.recursive === true
        store.delete(requireString(json, 'path'), recursive)
        return ok()
      }
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${base}/export$`),
      handle: ({ query }) => exportObject(store, query)
    }
  ]
}

function importObject(store: WorkspaceStore, json: unknown): Reply {
  const body = (json ?? {}) as Record<string, unknown>
  const path = requireString(body, 'path')
  const format = typeof body.format === 'string' ? body.format : 'SOURCE'
  const content = Buffer.from(
    typeof body.content === 'string' ? body.content : '',
    'base64'
  )
  if (content.length > 10 * 1024 * 1024)
    throw new ApiFailure(
      400,
      'MAX_NOTEBOOK_SIZE_EXCEEDED',
      'File size imported is (' +
        content.length +
        ' bytes), exceeded max size (10485760 bytes)'
    )
  const overwrite = body.overwrite === true
  const language = body.language
  switch (format) {
    case 'SOURCE': {
      if (typeof language !== 'string' || !LANGUAGES.has(language))
        throw invalid(
          'The language of the notebook must be one of PYTHON, SQL, SCALA or R for format SOURCE.'
        )
      store.put(
        path,
        { kind: 'NOTEBOOK', language: language as Language, content },
        overwrite
      )
      return ok()
    }
    case 'JUPYTER': {
      store.put(
        path,
        {
          kind: 'NOTEBOOK',
          language: jupyterLanguage(content),
          content,
          jupyter: content
        },
        overwrite
      )
      return ok()
    }
    case 'AUTO': {
      const [target, object] = autoDetect(path, content)
      store.put(target, object, overwrite)
      return ok()
    }
    case 'RAW':
      store.put(path, { kind: 'FILE', content }, overwrite)
      return ok()
    default:
      throw invalid(`Format ${format} is not supported by the loopback server.`)
  }
}

/** AUTO: a headed source or an .ipynb is a notebook (extension dropped). */
function autoDetect(path: string, content: Buffer): [string, WorkspaceObject] {
  const text = content.toString('utf8')
  if (/\.ipynb$/i.test(path))
    return [
      path.replace(/\.ipynb$/i, ''),
      {
        kind: 'NOTEBOOK',
        language: jupyterLanguage(content),
        content,
        jupyter: content
      }
    ]
  for (const [extension, header, language] of HEADERS)
    if (extension.test(path) && text.split(/\r?\n/, 1)[0].trim() === header)
      return [
        path.replace(extension, ''),
        { kind: 'NOTEBOOK', language, content }
      ]
  return [path, { kind: 'FILE', content }]
}

function jupyterLanguage(content: Buffer): Language {
  try {
    const doc = JSON.parse(content.toString('utf8'))
    const databricks =
      doc?.metadata?.['application/vnd.databricks.v1+notebook']?.language
    const name = String(
      databricks ?? doc?.metadata?.language_info?.name ?? 'python'
    ).toUpperCase()
    return LANGUAGES.has(name) ? (name as Language) : 'PYTHON'
  } catch {
    throw new ApiFailure(
      400,
      'MALFORMED_REQUEST',
      'The content is not a Jupyter notebook.'
    )
  }
}

function exportObject(store: WorkspaceStore, query: URLSearchParams): Reply {
  const path = requireQuery(query, 'path')
  const format = query.get('format') ?? 'SOURCE'
  const object = found(store, path)
  if (object.kind === 'DIRECTORY')
    throw invalid(
      `Exporting folders (${canonicalPath(path)}) is not supported by the loopback server.`
    )
  if (object.kind === 'FILE') {
    if (!['SOURCE', 'AUTO', 'RAW'].includes(format))
      throw invalid(
        `Format ${format} does not apply to the file ${canonicalPath(path)}.`
      )
    const extension = /\.([^./]+)$/.exec(path)?.[1]
    return ok({
      content: object.content.toString('base64'),
      ...(extension === undefined ? {} : { file_type: extension })
    })
  }
  if (format === 'JUPYTER') {
    if (object.jupyter === undefined)
      throw invalid(
        'The loopback server exports as JUPYTER only notebooks imported as JUPYTER.'
      )
    return ok({
      content: object.jupyter.toString('base64'),
      file_type: 'ipynb'
    })
  }
  if (!['SOURCE', 'AUTO'].includes(format))
    throw invalid(`Format ${format} is not supported by the loopback server.`)
  return ok({
    content: object.content.toString('base64'),
    file_type: FILE_TYPE[object.language]
  })
}

function found(store: WorkspaceStore, path: string): StoredObject {
  const object = store.get(path)
  if (object === undefined)
    throw new ApiFailure(
      404,
      'RESOURCE_DOES_NOT_EXIST',
      `Path (${canonicalPath(path)}) doesn't exist.`
    )
  return object
}

function requireQuery(query: URLSearchParams, name: string): string {
  const value = query.get(name)
  if (value === null || value === '')
    throw invalid(`Missing required field: ${name}`)
  return value
}

/** `ObjectInfo` as the API returns it. */
function objectInfo(
  path: string,
  object: StoredObject
): Record<string, unknown> {
  return {
    object_type: object.kind,
    path,
    object_id: object.id,
    created_at: object.createdAt,
    modified_at: object.modifiedAt,
    ...(object.kind === 'NOTEBOOK' ? { language: object.language } : {}),
    ...(object.kind === 'FILE'
      ? { size: object.content.length, resource_id: String(object.id) }
      : {})
  }
}
