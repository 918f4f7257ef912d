import { existsSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Automation cannot make the user gesture that grants activeTab, so the e2e build
// (`wxt build --mode e2e`) stands in for that grant: it may read the local fixture server, and
// `tabs` shows it a tab's URL and title the way activeTab does after a click. The production
// manifest never gets either (tests/e2e/manifest.test.ts reads the production build to make sure).
const E2E_HOST_PERMISSIONS = ['*://127.0.0.1/*'];
const E2E_PERMISSIONS = ['tabs'];
const modeFlag = process.argv.indexOf('--mode');
const isE2eBuild = modeFlag >= 0 && process.argv[modeFlag + 1] === 'e2e';

// `npm run dev` opens Chromium: Debian's when there is no Chrome, or the one named in CHROMIUM_PATH.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // Dexie's default entry wraps its ES5 UMD build; the modern ES module build is the same
    // library in about 4 kB less (gzipped), which keeps the popup inside its budget. Its own
    // minified file is 0.1 kB smaller again than what our minifier makes of the plain one.
    resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.min.mjs' }] },
    // Extension pages load their chunks from the package on disk: preloading a lazy chunk's
    // dependencies saves no network time, and its helper and dependency lists cost start-up bytes.
    // CSS for the browsers the manifest names (Chrome 123, Firefox 142): `light-dark()` stays as
    // written instead of a custom-property polyfill.
    build: { modulePreload: false, cssTarget: ['chrome123', 'firefox142'] },
  }),
  hooks: {
    // The pages' and background's build (one ES module build): what the popup runs at start-up
    // goes in one chunk (the database, the polyfill, Preact, the start-up reads, the week view the
    // popup and the side panel share, and the small components every page uses). Left to itself the bundler splits what the lazy chunks and the
    // background share into many small chunks, each a separate gzip stream on the popup's start-up
    // path (measured: 50.8 → 49.9 kB; with the side panel, 50.2 → 49.7 kB). The clipper, built as one file, keeps the default.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'popup')) return;
      const startUp =
        /node_modules[\\/](dexie|webextension-polyfill|preact)[\\/]|wxt-plugins|i18n[\\/]problem-messages|components[\\/](App|WeekNav|WeekView|ItemCard|LengthHint|Notice|locale|lazy|store|theme|useLiveQuery|useUiLocale)\.tsx?$|lib[\\/](store[\\/](db|items|settings-read|sections|defaults)|browser[\\/](messaging|host-access|capture-request|storage|week-page)|capture[\\/]clippable|i18n[\\/]translate|messages|order-key|record-limits|week|errors)\.ts/;
      const lazyWrites =
        /lib[\\/](store[\\/](item-writes|weeks|section-writes|settings|search|search-terms|term-index|upgrades|legacy-clips|field-clocks)|record-rules|text|browser[\\/]access-lease|store[\\/]citations|capture[\\/]url)\.ts/;
      const lazyViews =
        /components[\\/](BatchClip|CapturePanel|CardMenu|ItemEditor|NotePreview|ExportBar|PageChecks|SearchPanel|TrashView|ClipForm|OwnItemForm|ConflictList|TeamIndicator|PanelClip|save-outcome)\.tsx?$|lib[\\/](typed-date|same-story|host-patterns|capture[\\/]dates|browser[\\/]page-access)\.ts/;
      config.build ??= {};
      config.build.rolldownOptions ??= {};
      const output = config.build.rolldownOptions.output;
      if (Array.isArray(output)) return;
      config.build.rolldownOptions.output = {
        ...output,
        codeSplitting: {
          groups: [
            // The runtime helpers and the stylesheet's empty module go with the start-up chunk: each was a file
            // of its own in the zip (a file costs about 140 bytes of headers there besides its bytes).
            {
              name: 'start-up',
              test: (id: string) => startUp.test(id) || /rolldown[\\/]runtime|wxt-html-plugins/.test(id),
            },
            // What loads on the editor's first action, in two chunks rather than twenty: fewer files in
            // the package (each is compressed on its own in the zip) for a few kB more on that first load.
            { name: 'writes', test: lazyWrites },
            // Both dictionaries in one file: their keys are the same, so they compress together (−1.2 kB in the zip).
            { name: 'words', test: /lib[\\/]i18n[\\/](en|zh|problems-en|problems-zh)\.ts/ },
            // What turns records into files and back (drafts, checks, backups, team sync's documents): the
            // background and the options page load it whole anyway; one file is 1.5 kB smaller in the zip than four.
            {
              name: 'documents',
              test: /lib[\\/](export-week|digest[\\/][a-z-]+|store[\\/](backup-(read|restore|write)|team-records)|sync[\\/][a-z-]+|browser[\\/](downloads|team-(sync|page)))\.ts/,
            },
            { name: 'views', test: lazyViews },
          ],
        },
      };
    },
  },
  outDirTemplate: isE2eBuild
    ? '{{browser}}-mv{{manifestVersion}}-e2e'
    : '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  webExt: {
    ...(chromium ? { binaries: { chrome: chromium } } : {}),
    // Chromium refuses to start as root without this; ordinary users keep the sandbox.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
  manifest: ({ mode, browser }) => ({
    // Names come from public/_locales (English and Simplified Chinese), following the browser.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // light-dark() in the stylesheet (Chrome 123); the side panel API needs 114.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '123' }),
    permissions: [
      'activeTab',
      'scripting',
      // Records live in IndexedDB; `storage` holds the writing help's settings and API key only
      // (lib/browser/writing-help.ts), apart from the database so no backup or export can carry the key.
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'downloads',
      // Team sync's round each minute (lib/browser/team-sync.ts): changes made offline go out once the server is back.
      'alarms',
      ...(mode === 'e2e' ? E2E_PERMISSIONS : []),
    ],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOST_PERMISSIONS } : {}),
    // Link and quote checks (components/PageChecks.tsx) ask for the linked sites, and only them,
    // when the editor clicks, and give them back after; any site may be linked, hence the pattern.
    // (Firefox's MV2 manifest names them among its optional permissions.)
    // `tabs`: clipping several tabs at once lists the window's tabs (components/BatchClip.tsx), asked
    // for at that click and given back after the one look.
    ...(browser === 'firefox'
      ? { optional_permissions: ['*://*/*', 'tabs'] }
      : { optional_host_permissions: ['*://*/*'], optional_permissions: ['tabs'] }),
    action: { default_title: '__MSG_extName__' },
    commands: {
      // lib/menus.ts QUICK_CLIP_COMMAND
      'quick-clip': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_quickClip__',
      },
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+C' },
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'digest-clipper@digest-clipper.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
