// Native ESM under ts-jest: sources import './x.js', the resolver maps them to
// './x.ts'. Type checking is `npm run typecheck`'s job, so tests transpile only.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  resolver: 'ts-jest-resolver',
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, isolatedModules: true }]
  },
  testTimeout: 60000,
  maxWorkers: 2
}
