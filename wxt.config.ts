import { existsSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The e2e build (`wxt build --mode e2e`) may reach the local fixture server without a user
// gesture, because automation cannot grant activeTab. The production manifest never gets it
// (tests/e2e/manifest.test.ts reads the production build to make sure).
const E2E_HOST_PERMISSIONS = ['http://127.0.0.1/*'];
const modeFlag = process.argv.indexOf('--mode');
const isE2eBuild = modeFlag >= 0 && process.argv[modeFlag + 1] === 'e2e';

// `npm run dev` opens Chromium: Debian's when there is no Chrome, or the one named in CHROMIUM_PATH.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  outDirTemplate: isE2eBuild
    ? '{{browser}}-mv{{manifestVersion}}-e2e'
    : '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  webExt: {
    ...(chromium ? { binaries: { chrome: chromium } } : {}),
    // Chromium refuses to start as root without this; ordinary users keep the sandbox.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  manifest: ({ mode, browser }) => ({
    name: 'Digest Clipper',
    description: 'Clip articles while you read and export the week as a digest draft.',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'contextMenus', 'downloads'],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOST_PERMISSIONS } : {}),
    action: { default_title: 'Digest Clipper' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'digest-clipper@digest-clipper.dev',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
