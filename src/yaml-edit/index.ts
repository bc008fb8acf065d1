export { deleteIn, insertItem, setIn } from './edit.js'
export type { YamlPath } from './edit.js'
export { inline } from './render.js'
