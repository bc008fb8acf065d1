// The two Yeoman generators, bundled as dist/cli/generators.js, which
// generators/app/index.js and generators/notebook/index.js publish. The
// create-dtflw-pipeline bin runs create.ts, bundled apart as
// dist/cli/create.js, so a refused command line never loads Yeoman.
export { AppGenerator } from './app-generator.js'
export { NotebookGenerator } from './notebook-generator.js'
