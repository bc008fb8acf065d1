export { AppGenerator } from './app-generator.js'
export { NotebookGenerator } from './notebook-generator.js'
