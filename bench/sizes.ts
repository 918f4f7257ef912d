import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PRODUCTION_BUILD } from '../tests/harness/extension';
import { emit } from './config';

/** Bundle and store-zip sizes of the production build (built by bench/run.ts first). */
export function sizeFigures() {
  const gz = (file: string) => gzipSync(readFileSync(join(PRODUCTION_BUILD, file)), { level: 9 }).length;
  // What opening the popup loads: its module scripts and every chunk they import statically,
  // followed to the end (dynamic `import()`s load later and are not counted).
  const html = readFileSync(join(PRODUCTION_BUILD, 'popup.html'), 'utf8');
  const initial = staticClosure([...html.matchAll(/(?:src|href)="\/(chunks\/[^"]+\.js)"/g)].map((m) => m[1] as string));
  emit('bundle_popup_initial_gzip', initial.reduce((sum, f) => sum + gz(f), 0) / 1000, 'kB');
  // Everything the popup can load later (editor, search, trash, export, Chinese messages).
  const lazy = readdirSync(join(PRODUCTION_BUILD, 'chunks'))
    .map((f) => `chunks/${f}`)
    .filter((f) => !initial.includes(f) && !f.includes('/options-'));
  emit('bundle_popup_all_gzip', [...initial, ...lazy].reduce((sum, f) => sum + gz(f), 0) / 1000, 'kB');
  // The background is a module service worker sharing the pages' chunks: it counts what it imports.
  emit('bundle_background_gzip', staticClosure(['background.js']).reduce((sum, f) => sum + gz(f), 0) / 1000, 'kB');
  emit('bundle_clipper_gzip', gz('clipper.js') / 1000, 'kB');
  const zip = readdirSync('.output').find((f) => f.endsWith('-chrome.zip'));
  if (zip) emit('zip_chrome', statSync(join('.output', zip)).size / 1000, 'kB');
}

/** The chunks `entries` import statically (`import … from "./x.js"`, `import "./x.js"`), entries included. */
function staticClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(PRODUCTION_BUILD, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"`()]*?from\s*)?["']\.\/([^"']+\.js)["']/g))
      visit(posix.join(posix.dirname(file), m[1] as string));
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}
