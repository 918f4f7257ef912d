import { describe, expect, it } from 'vitest';
import { clippability } from '../../../lib/capture/clippable';

describe('clippability', () => {
  it.each([
    'chrome://settings',
    'edge://newtab',
    'about:blank',
    'chrome-extension://abc/popup.html',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/detail/x',
    'https://addons.mozilla.org/en-US/firefox/addon/x',
    'view-source:https://example.com',
    'data:text/html,hi',
    undefined,
    'not a url',
  ])('refuses %s with a message', (url) => {
    const verdict = clippability(url);
    expect(verdict.clippable).toBe(false);
    if (!verdict.clippable) expect(verdict.problem.code).toMatch(/^capture\./);
  });

  it.each(['https://www.reuters.com/x', 'http://127.0.0.1:8080/a.html', 'file:///tmp/a.html'])('accepts %s', (url) => {
    expect(clippability(url)).toEqual({ clippable: true });
  });
});
