import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import moduleMap from './scripts/lint/module-map.mjs'

export default tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    // Engines and renderers never reach into each other, and folders meet
    // only through their index.ts (the module map of STYLE.md).
    files: ['src/**/*.ts'],
    plugins: { dtflw: moduleMap },
    rules: { 'dtflw/module-map': 'error' }
  }
)
