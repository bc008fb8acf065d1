// The package's `notebook` sub-generator (`dtflw add` through Yeoman), as
// Yeoman loads it by path: the class is src/generators/notebook-generator.ts,
// built into the CLI bundle with everything it calls.
export { NotebookGenerator as default } from '../../dist/cli/generators.js'
