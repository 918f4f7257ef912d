import { defineConfig } from 'vitest/config';

// End-to-end: the built extension (.output/chrome-mv3-e2e) in real headless Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: Number(process.env.E2E_TIMEOUT ?? 60_000),
    hookTimeout: 60_000,
    // A real browser on a shared CI runner: a write and the re-render it causes can take over the
    // 1 s default when the machine is busy. What is asserted stays the same; only the wait grows.
    expect: { poll: { timeout: 5_000 } },
  },
});
