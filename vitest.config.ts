import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit (pure lib/) and integration (background handlers, fake browser + fake-indexeddb).
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/setup/fake-indexeddb.ts'],
    restoreMocks: true,
    // Measured on this two-core machine, quiet: every test without a limit of its own takes under 4 s (the
    // slowest, the property tests of the HTML writers, about 1.3 s). Under load (CI beside another build) they
    // ran several times slower and one passed Vitest's 5 s default; 20 s leaves five times the quiet time.
    // Tests that read megabytes or run many model steps keep their own, larger, commented limits.
    testTimeout: 20_000,
  },
});
