import { browser } from 'wxt/browser';
import { ClipInputError } from '../errors';
import type { DigestLanguage } from '../types';
import { draftWithEndpoint, type WritingHelp } from '../writing/draft';
import { checkedWritingSettings, endpointOf, readWritingSettings, type WritingSettings } from '../writing/settings';
import { askServerAccess } from './host-access';
import { type Availability, deviceAvailability, draftOnDevice, type OnDeviceApis } from './on-device-ai';

/**
 * Writing help in the browser: its settings and key in the extension's own storage (`storage.local`,
 * never in IndexedDB, so neither a backup, the raw export nor team sync can carry the key), and a
 * draft from the engine the editor chose. Loaded the first time a week page asks (lib/browser/week-page.ts).
 */

const SETTINGS_KEY = 'writingHelp';
const API_KEY = 'writingHelpKey';

export async function loadWritingSettings(): Promise<WritingSettings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return readWritingSettings(stored[SETTINGS_KEY]);
}

/** Whether an API key is stored (the options page shows that, never the key). */
export async function hasApiKey(): Promise<boolean> {
  const stored = await browser.storage.local.get(API_KEY);
  return typeof stored[API_KEY] === 'string' && stored[API_KEY] !== '';
}

/**
 * Saves Options → Writing help. An endpoint's origin is asked for in the click (call this in it, before
 * anything is awaited); the access to the one before is given back when the address changes. `apiKey`:
 * a new key, `''` to forget it, undefined to keep the one stored.
 */
export function saveWritingSettings(settings: WritingSettings, apiKey: string | undefined): Promise<WritingSettings> {
  let checked: WritingSettings;
  try {
    checked = checkedWritingSettings(settings);
  } catch (error) {
    return Promise.reject(error);
  }
  const origin = checked.engine === 'endpoint' ? endpointOf(checked.baseUrl).origin : undefined;
  const asked = origin ? askServerAccess(origin) : Promise.resolve(true);
  return asked.then(async (granted) => {
    if (!granted) throw new ClipInputError('writing.no-access', { url: checked.baseUrl });
    const before = await loadWritingSettings();
    await browser.storage.local.set({ [SETTINGS_KEY]: checked });
    if (apiKey !== undefined) {
      if (apiKey.trim()) await browser.storage.local.set({ [API_KEY]: apiKey.trim() });
      else await browser.storage.local.remove(API_KEY);
    }
    const old = before.engine === 'endpoint' && before.baseUrl ? endpointOf(before.baseUrl).origin : undefined;
    if (old && old !== origin) await browser.permissions.remove({ origins: [old] }).catch(() => false);
    return checked;
  });
}

const onDevice = () => globalThis as unknown as OnDeviceApis;

/** What the browser's own models can do for this digest's language (Options and the form say it plainly). */
export function deviceStatus(language: DigestLanguage): Promise<Availability> {
  return deviceAvailability(onDevice(), language);
}

/** The writing help as set in options, or undefined when it is off (then nothing of it shows). */
export async function writingHelp(): Promise<WritingHelp | undefined> {
  const settings = await loadWritingSettings();
  if (settings.engine === 'off') return undefined;
  if (settings.engine === 'device') return { engine: 'device', draft: (request) => draftOnDevice(onDevice(), request) };
  return {
    engine: 'endpoint',
    draft: async (request) => {
      const { origin } = endpointOf(settings.baseUrl);
      if (!(await browser.permissions.contains({ origins: [origin] })))
        throw new ClipInputError('writing.no-access', { url: settings.baseUrl });
      const key = (await browser.storage.local.get(API_KEY))[API_KEY];
      // A bound fetch: an unbound one fails in an extension page's strict callers.
      return draftWithEndpoint(settings, typeof key === 'string' ? key : undefined, (u, o) => fetch(u, o), request);
    },
  };
}
