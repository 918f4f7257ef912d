import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../lib/capture/entities';

describe('decodeEntities', () => {
  it('decodes the references CMSs leave in declared titles', () => {
    expect(decodeEntities('NASCIO&#8217;s plan')).toBe('NASCIO’s plan');
    expect(decodeEntities('Thermen- &#038; Vulkanland')).toBe('Thermen- & Vulkanland');
    expect(decodeEntities('Wohngew&#x00E4;chshaus&#x20;selber&#x20;bauen')).toBe('Wohngewächshaus selber bauen');
    expect(decodeEntities('Sheila Atim: &#8222;The Woman King&#8220;')).toBe('Sheila Atim: „The Woman King“');
    expect(decodeEntities('Ladensterben &raquo; News')).toBe('Ladensterben » News');
    expect(decodeEntities('Tom &amp;#8217;s')).toBe('Tom ’s');
  });

  it('leaves text that only looks like a reference as written', () => {
    expect(decodeEntities('AT&T and R&D')).toBe('AT&T and R&D');
    expect(decodeEntities('&unknown; &#0; &#xD800; &#99999999;')).toBe('&unknown; &#0; &#xD800; &#99999999;');
    expect(decodeEntities('Fish &amp; Chips')).toBe('Fish & Chips');
  });

  it('never throws and leaves text without an ampersand untouched', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const out = decodeEntities(text);
        expect(typeof out).toBe('string');
        if (!text.includes('&')) expect(out).toBe(text);
      }),
    );
  });
});
