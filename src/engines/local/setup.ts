import type { Engine, EngineSetup } from '../engine.js'
import { createLocalEngine } from './engine.js'
import { readLocalEngineSettings } from './settings.js'

/**
 * The local engine for a profile: its settings read once, here, from the
 * profile and the environment.
 */
export function createLocalEngineFor(setup: EngineSetup): Engine {
  return createLocalEngine({
    root: setup.root,
    settings: readLocalEngineSettings(setup.profile, setup.env),
    ...(setup.waitMs ? { waitMs: setup.waitMs } : {})
  })
}
