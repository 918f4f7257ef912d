import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { E2E_BUILD, PRODUCTION_BUILD } from '../harness/extension';

// The documented permission list (README, "Permissions"). Changing it means changing both.
const DOCUMENTED_PERMISSIONS = [
  'activeTab',
  'alarms',
  'contextMenus',
  'downloads',
  'scripting',
  'sidePanel',
  'storage',
  'unlimitedStorage',
];

function manifestOf(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

function scriptsIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scriptsIn(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

describe('the production build (least privilege)', () => {
  const manifest = manifestOf(PRODUCTION_BUILD);

  it('asks for exactly the documented permissions', () => {
    expect([...(manifest.permissions as string[])].sort()).toEqual(DOCUMENTED_PERMISSIONS);
  });

  it('has no host permissions, content scripts or outside connections', () => {
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('may ask for sites and tabs only for link checks and batch clips, at the click (README, "Permissions")', () => {
    // Any site can be linked or open in a tab, so the optional pattern is every http(s) site; the
    // check and the batch ask for the hosts they need only and give them back (lib/browser/host-access.ts).
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(manifest.optional_permissions).toEqual(['tabs']);
    const asking = scriptsIn(PRODUCTION_BUILD).filter((file) =>
      /permissions\.request\(/.test(readFileSync(file, 'utf8')),
    );
    // All asking goes through one module, loaded with the popup so the request is made in the click.
    expect(asking).toHaveLength(1);
  });

  it('keeps the default extension CSP', () => {
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('calls the extension storage API only in the writing help (its settings and key), so nothing else keeps data there', () => {
    const callers = scriptsIn(PRODUCTION_BUILD).filter((file) =>
      /\b(?:chrome|browser)\.storage\b|\.storage\.(?:local|sync|session|managed)\b/.test(readFileSync(file, 'utf8')),
    );
    expect(callers.map((file) => file.split(/[\\/]/).pop())).toEqual([
      expect.stringMatching(/^writing-help-[\w-]+\.js$/),
    ]);
  });

  it('ships no eval or new Function in any bundle', () => {
    const scripts = scriptsIn(PRODUCTION_BUILD);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      expect({ file, evalCall: /\beval\s*\(/.test(code), newFunction: /new\s+Function\s*\(/.test(code) }).toEqual({
        file,
        evalCall: false,
        newFunction: false,
      });
    }
  });

  it('differs from the e2e build only by the test-only grants', () => {
    const e2e = manifestOf(E2E_BUILD);
    expect(e2e.host_permissions).toEqual(['*://127.0.0.1/*']);
    expect((e2e.permissions as string[]).filter((p) => !DOCUMENTED_PERMISSIONS.includes(p))).toEqual(['tabs']);
  });
});
