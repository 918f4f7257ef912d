import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hasApiKey, loadWritingSettings, saveWritingSettings, writingHelp } from '../../../lib/browser/writing-help';
import { DEFAULT_WRITING } from '../../../lib/writing/settings';

/**
 * Options → Writing help's storage and permissions (lib/browser/writing-help.ts) on the browser's fake:
 * the endpoint's origin asked in the click, and only for an endpoint; the old one given back; the key
 * apart from the settings; nothing when the help is off.
 */
describe('writing help settings', () => {
  let request: ReturnType<typeof vi.fn>;
  let remove: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    request = vi.fn(async () => true);
    remove = vi.fn(async () => true);
    Object.assign(fakeBrowser.permissions, { request, remove, contains: async () => true });
  });

  it('is off, with no key, until the editor saves it; off asks for nothing', async () => {
    expect(await loadWritingSettings()).toEqual(DEFAULT_WRITING);
    expect(await hasApiKey()).toBe(false);
    expect(await writingHelp()).toBeUndefined();
    await saveWritingSettings({ ...DEFAULT_WRITING, engine: 'device' }, undefined);
    expect(request).not.toHaveBeenCalled();
    expect((await writingHelp())?.engine).toBe('device');
  });

  it('asks for the endpoint’s origin at save, keeps the key apart, gives the old origin back', async () => {
    const saving = saveWritingSettings(
      { ...DEFAULT_WRITING, engine: 'endpoint', baseUrl: 'http://127.0.0.1:8808/v1/chat/completions', model: 'm' },
      ' sk-1 ',
    );
    // Asked before anything was awaited: the browser grants it only inside the click's own turn.
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect((await saving).baseUrl).toBe('http://127.0.0.1:8808/v1');
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.writingHelpKey).toBe('sk-1');
    expect(JSON.stringify(stored.writingHelp)).not.toContain('sk-1');
    await saveWritingSettings({ ...(await loadWritingSettings()), baseUrl: 'https://gw.example.com/v1' }, undefined);
    expect(remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(await hasApiKey()).toBe(true);
    await saveWritingSettings(await loadWritingSettings(), '');
    expect(await hasApiKey()).toBe(false);
  });

  it('stores nothing when the editor refuses the access, and says why', async () => {
    request.mockResolvedValueOnce(false);
    await expect(
      saveWritingSettings(
        { ...DEFAULT_WRITING, engine: 'endpoint', baseUrl: 'https://gw.example.com/v1', model: 'm' },
        'k',
      ),
    ).rejects.toThrow('writing.no-access');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('refuses settings it cannot use before asking for anything', async () => {
    await expect(
      saveWritingSettings({ ...DEFAULT_WRITING, engine: 'endpoint', baseUrl: 'x', model: 'm' }, 'k'),
    ).rejects.toThrow('writing.bad-address');
    expect(request).not.toHaveBeenCalled();
  });
});
