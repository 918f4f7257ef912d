import { describe, expect, it } from 'vitest';
import { accessPatterns } from '../../lib/host-patterns';

describe('accessPatterns', () => {
  it('asks for each linked host over both schemes, and its subdomains for names', () => {
    expect(
      accessPatterns([
        'https://www.example.com/a',
        'http://www.example.com/b',
        'http://127.0.0.1:8080/x',
        'http://[::1]/y',
        'not a url',
      ]),
    ).toEqual(['*://www.example.com/*', '*://*.example.com/*', '*://example.com/*', '*://127.0.0.1/*', '*://[::1]/*']);
  });

  it('never asks for every site because a note holds a link with a wildcard host (https://*/)', () => {
    expect(accessPatterns(['https://*/', 'https://*.com/x', 'https://a.example/'])).toEqual([
      '*://a.example/*',
      '*://*.a.example/*',
    ]);
  });
});
