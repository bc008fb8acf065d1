// The package's `app` generator (`npm init dtflw-pipeline`), as Yeoman loads
// it by path: the class is src/generators/app-generator.ts, built into the
// CLI bundle with everything it calls.
export { AppGenerator as default } from '../../dist/cli/generators.js'
