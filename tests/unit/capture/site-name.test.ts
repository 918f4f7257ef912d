import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripSiteName } from '../../../lib/capture/site-name';

describe('stripSiteName', () => {
  it.each([
    ['Headline | Example News', ['Example News'], 'news.example', 'Headline'],
    ['Example News :: Headline', ['Example News'], 'news.example', 'Headline'],
    ['标题_新浪科技_新浪网', ['新浪科技'], 'tech.sina.com.cn', '标题'],
    ['武汉的声音：英雄的城！-新华网', ['新华网'], 'www.xinhuanet.com', '武汉的声音：英雄的城！'],
    ['Jean-Luc Picard - a life | Blog', ['Blog'], 'blog.example', 'Jean-Luc Picard - a life'],
    ['中美-欧盟三方会谈举行', ['新华网'], 'news.example.cn', '中美-欧盟三方会谈举行'],
    ['Example News', ['Example News'], 'news.example', 'Example News'],
    [
      'Feuerwehr- und Katastrophenschutz-Ehrenzeichen verliehen',
      ['Feuerwehrverband'],
      'www.feuerwehrverband.de',
      'Feuerwehr- und Katastrophenschutz-Ehrenzeichen verliehen',
    ],
    ['Blog Archiv » Podcasts in Plex einbinden', ['Disfunctions'], 'disfunctions.de', 'Podcasts in Plex einbinden'],
    ['Site » Blog Archive » Interning of Small Integers', ['Site'], 'site.example', 'Interning of Small Integers'],
  ])('%s', (raw, names, host, title) => {
    expect(stripSiteName(raw, names, host)).toBe(title);
  });

  it('keeps a part of the title, never nothing (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
        (raw, names) => {
          const out = stripSiteName(raw, names, 'www.site.example');
          expect(raw.includes(out) || out === raw.trim()).toBe(true);
          if (raw.trim()) expect(out.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
