/** A parsed `~/.databrickscfg`. */
export interface ConfigFile {
  readonly path: string
  /** Section name → keys (lower-cased) → values. */
  readonly profiles: ReadonlyMap<string, ReadonlyMap<string, string>>
  /** `[__settings__] default_profile`, when set. */
  readonly defaultProfile?: string
}

/** The reserved section that holds settings, not a profile. */
const SETTINGS = '__settings__'

/**
 * Parses the INI dialect of `.databrickscfg`: `[section]` headers, `key =
 * value` lines (keys case-insensitive), `#` and `;` comment lines, inline
 * comments after whitespace (` # …`) on unquoted values, values in single
 * or double quotes (kept verbatim, comment characters included). Keys
 * before any header belong to `DEFAULT`. A section that appears twice is
 * merged, the later value winning. Lines that are none of these are
 * ignored, as the SDKs' INI readers do.
 */
export function parseConfigFile(text: string, path: string): ConfigFile {
  const sections = new Map<string, Map<string, string>>()
  let current = 'DEFAULT'
  const section = (name: string) => {
    let found = sections.get(name)
    if (found === undefined) {
      found = new Map()
      sections.set(name, found)
    }
    return found
  }
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(line)
    if (header) {
      current = header[1].trim()
      section(current)
      continue
    }
    const eq = line.search(/[=:]/)
    if (eq <= 0) continue
    const key = line.slice(0, eq).trim().toLowerCase()
    section(current).set(key, readValue(line.slice(eq + 1)))
  }
  const settings = sections.get(SETTINGS)
  sections.delete(SETTINGS)
  const defaultProfile = settings?.get('default_profile')
  return {
    path,
    profiles: sections,
    ...(defaultProfile ? { defaultProfile } : {})
  }
}

function readValue(raw: string): string {
  const value = raw.trim()
  const quoted = /^(["'])(.*?)\1\s*(?:[#;].*)?$/.exec(value)
  if (quoted) return quoted[2]
  return value.replace(/\s+[#;].*$/, '').trim()
}

/**
 * The profile used when none is named: `[__settings__] default_profile`,
 * else `DEFAULT`.
 */
export function defaultProfileName(file: ConfigFile): string {
  return file.defaultProfile ?? 'DEFAULT'
}
