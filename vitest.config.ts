/**
 * Unit and integration tests (Node): src-*, test/. Each file runs in its own process (forks), so
 * tests that change the environment (for example the keychain address) cannot affect others.
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src-*/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default']
  }
})
