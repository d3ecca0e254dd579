import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Compiles the WebAssembly kernels when they are missing or stale.
    globalSetup: ['tests/setup/buildWasm.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // The JSON report is what .ci/run counts; the default reporter is what people read.
    reporters: ['default', 'json'],
    outputFile: { json: 'out/vitest-report.json' },
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
