import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesDomain, siteNameInLogo, siteNameInTitle, stripSiteName } from '../../../lib/capture/site-name';

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

describe('the site named where the page does not declare it', () => {
  it.each([
    ['Why the lake froze – Example Weekly', 'exampleweekly.com', 'Example Weekly'],
    ['Lexikon « Nalas Löwenseiten', 'nalas-loewenseiten.info', 'Nalas Löwenseiten'],
    ['Ein Bericht aus Zürich | Neue Zürcher Zeitung', 'nzz.ch', 'Neue Zürcher Zeitung'],
    ['拿起跨界“指挥棒”她跟学生“较着劲儿”成长--大河网', 'dahe.cn', '大河网'],
    ['工商部门初定SKII广告属于虚假宣传-搜狐财经', 'sohu.com', '搜狐财经'],
    ['发布《军队装备试验鉴定规定》_央广网', 'cnr.cn', '央广网'],
  ])('%s on %s → %s', (title, domain, name) => {
    expect(siteNameInTitle(title, domain)).toBe(name);
  });

  it.each([
    ['A story with no site in its title', 'example.com'],
    ['海姑娘 | blog.wenxuecity.com', 'wenxuecity.com'],
    ['刺死辱母者于欢的罪与悔：出狱第一晚仅睡三四个小时_苏银', 'sohu.com'],
    ['Ferienhaus Feinen (40222) - Ferienhaus Lierfeld', 'travanto.de'],
  ])('nothing in %s on %s', (title, domain) => {
    expect(siteNameInTitle(title, domain)).toBeUndefined();
  });

  it('takes a header logo’s text only when it names the domain', () => {
    expect(siteNameInLogo('Parallels', 'parallels.com')).toBe('Parallels');
    expect(siteNameInLogo('Logo Regiolanda', 'regiolanda.de')).toBe('Regiolanda');
    expect(siteNameInLogo('Trusted Shops', 'sheego.de')).toBeUndefined();
    expect(siteNameInLogo('Accueil', 'dalloz-actualite.fr')).toBeUndefined();
    expect(siteNameInLogo('comparis.ch', 'comparis.ch')).toBeUndefined();
  });

  it('reads a domain as a name spelt, folded or abbreviated, and nothing shorter', () => {
    expect(namesDomain('Frankfurter Rundschau', 'fr.de')).toBe(true);
    expect(namesDomain('Süddeutsche', 'sueddeutsche.de')).toBe(true);
    expect(namesDomain('News', 'example.com')).toBe(false);
    expect(namesDomain('A', 'a.de')).toBe(false);
  });
});
