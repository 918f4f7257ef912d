import { describe, expect, it } from 'vitest';
import {
  cleanAuthor,
  extractPageMetadata,
  localMidnight,
  pageDay,
  plausibleAuthor,
  urlDate,
} from '../../../lib/capture/metadata';
import { finishFields, withKnownSite } from '../../../lib/capture/tidy-capture';
import { zhByline, zhSourceLine } from '../../../lib/capture/zh-byline';

// One small page per general rule, written for the rule (the real-page figures are in
// docs/metadata-accuracy.md, measured by `npm run eval:metadata`).
function page(head: string, body: string): Document {
  return new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}

describe('bylines lose their labels, dates and e-mail addresses', () => {
  it.each([
    ['Veröffentlicht vonChris Jung', 'Chris Jung'],
    ['Zeige alle Beiträge von Cem Basman', 'Cem Basman'],
    ['vom Support Team', 'Support Team'],
    ['AuthorAndreas Kalt', 'Andreas Kalt'],
    ['Written by Rob Ewaschuk', 'Rob Ewaschuk'],
    ['von lupa am 26/10/13, 03:48 pm', 'lupa'],
    ['Lüder Hoppe info@buero-hoppe.de', 'Lüder Hoppe'],
    ['By Jane Doe', 'Jane Doe'],
    ['作者：张三', '张三'],
    ['记者 李四', '李四'],
    ['Vonda Smith', 'Vonda Smith'],
    ['Bynum Jones', 'Bynum Jones'],
    ['Poppy Reid Feb 21, 2020', 'Poppy Reid'],
    ['Tomas Spahn Fr, 18. Oktober 2019', 'Tomas Spahn'],
    ['Sara Zinnecker Stand: 05. Februar 2020', 'Sara Zinnecker'],
    ['Jacobo Betancur | Publicado hace 3 horas', 'Jacobo Betancur'],
    ['Zum Profil von jesusfreak', 'jesusfreak'],
    ['Alles von Martin Junker', 'Martin Junker'],
    ['Beitragvon r23 » 21.01.2009, 05:42', 'r23'],
    ['Eingestellt von der Michel', 'der Michel'],
    ['Text & Fotos: Ivan Valetny', 'Ivan Valetny'],
    ['Alle Artikel von Tanja Karrasch', 'Tanja Karrasch'],
    ['Johanna Kropfitsch Alle Artikel', 'Johanna Kropfitsch'],
    ['Williams Perdomo @wperdomod', 'Williams Perdomo'],
    ['Posted by Konstantin @ 12:00 am', 'Konstantin'],
    ['Von David Hutzler, dpa', 'David Hutzler'],
    ['Peter Maahn/SP-X', 'Peter Maahn'],
    ['Christian Thiele, 07 Dezember, 2022', 'Christian Thiele'],
    ['Jane Roe, March 3, 2021', 'Jane Roe'],
    ['Interview: Julia Lauter', 'Julia Lauter'],
    ['Grant Tinsley, PhD', 'Grant Tinsley'],
    ['wordpressadmin |', 'wordpressadmin'],
    ['Mehr von Catch more fish', 'Catch more fish'],
    ['Bradley M. Kuhn (http://ebb.org/bkuhn/)', 'Bradley M. Kuhn'],
    ['Frank Bueltge - http://bueltge.de', 'Frank Bueltge'],
  ])('%j → %j', (raw, name) => {
    expect(cleanAuthor(raw)).toBe(name);
  });
});

describe('dates', () => {
  it('reads the day from the address as a last resort', () => {
    expect(urlDate('https://www.schneems.com/2018/10/09/pair-with-me/')).toBe('2018-10-09');
    expect(urlDate('https://example.com/news/2026-01-30-title')).toBe('2026-01-30');
    expect(urlDate('https://example.com/20260130/title')).toBe('2026-01-30');
    expect(urlDate('https://example.com/2026/01/')).toBeUndefined();
    expect(urlDate('https://example.com/item/2026/13/45/')).toBeUndefined();
    // Eight digits opening a segment, followed by more of the name.
    expect(urlDate('https://www.bundespraesident.de/Reden/2003/03/20030331_Rede.html')).toBe('2003-03-31');
    // An archive's 14-digit crawl stamp is not the page's date.
    expect(urlDate('https://web.archive.org/web/20131110121040/http://example.de/a')).toBeUndefined();
  });

  it('prefers any date the page states over the address', () => {
    const doc = page('<meta property="article:published_time" content="2018-10-10T08:00:00Z">', '<h1>T</h1>');
    expect(extractPageMetadata(doc, 'https://a.example/2018/10/09/t/').publishedAt).toBe('2018-10-10T08:00:00Z');
    expect(extractPageMetadata(page('', '<h1>Title here</h1>'), 'https://a.example/2018/10/09/t/').publishedAt).toBe(
      '2018-10-09',
    );
  });

  it.each([
    ['<h1>Ein Titel</h1><p class="meta">18.05.2014 um 12:30</p>', '2014-05-18'],
    ['<h1>Ein Titel</h1><p>Veröffentlicht am 7. Mai 2005</p>', '2005-05-07'],
    ['<h1>Un titre</h1><p>Publié le 3 février 2020</p>', '2020-02-03'],
  ])('reads European dates next to the headline: %s', (body, day) => {
    expect(extractPageMetadata(page('', body), 'https://a.example/x').publishedAt?.slice(0, 10)).toBe(day);
  });
});

describe('titles', () => {
  it('takes the headline when it is one whole segment of the title', () => {
    const doc = page(
      '<title>.:: NMB-MEDIA ::. Datenschutz :: Anpassung der Vorlagen</title>',
      '<h1>Anpassung der Vorlagen</h1>',
    );
    expect(extractPageMetadata(doc, 'https://nmb.example/x').title).toBe('Anpassung der Vorlagen');
    const blog = page('<title>Laufen im Winter › Nordish by Nature</title>', '<h1>Laufen im Winter</h1>');
    expect(extractPageMetadata(blog, 'https://nordish.example/x').title).toBe('Laufen im Winter');
  });

  it('keeps a title whose dash is part of the headline', () => {
    const doc = page('<title>Spider-Man - a review</title>', '<h1>Spider-Man - a review</h1>');
    expect(extractPageMetadata(doc, 'https://a.example/x').title).toBe('Spider-Man - a review');
  });
});

describe('an author is a person who wrote the page', () => {
  it.each([
    ['admin', false],
    ['wordpressadmin', false],
    ['Super User', false],
    ['No Author', false],
    ['Unknown', false],
    ['ThemeGrill', false],
    ['Peter Amende und Fuchsy designed', false],
    ['https://plus.google.com/+ErinCunningham', false],
    ['Happy Coffee Deutschland', false],
    ['happycoffee', false],
    ['Erin Cunningham', true],
    ['Redaktion Teufel Blog', true],
    ['张三', true],
  ])('%s → %s', (name, ok) => {
    expect(plausibleAuthor(name, 'Happy Coffee Deutschland', 'de.happycoffee.org')).toBe(ok);
  });

  it('skips a placeholder in meta and takes the byline instead', () => {
    const doc = page(
      '<meta name="author" content="wordpressadmin"><link rel="author" href="https://plus.example/+x">',
      '<h1>Headline</h1><span class="pb-byline">By <a href="/people/erin">Erin Cunningham</a></span>',
    );
    expect(extractPageMetadata(doc, 'https://news.example/a').author).toBe('Erin Cunningham');
  });

  it('does not take the publisher’s own name for the author', () => {
    const doc = page(
      '<meta property="og:site_name" content="XYZ News"><meta name="author" content="XYZ News">',
      '<h1>Headline</h1>',
    );
    expect(extractPageMetadata(doc, 'https://xyz.example/a').author).toBeUndefined();
  });

  it('finds an author link as themes write it, but not one in the comments', () => {
    const doc = page(
      '',
      '<h1>Headline</h1><div class="comments"><a href="/author/troll">Troll</a></div><div class="entry-meta"><a href="/author/maria/">Maria Keller</a></div>',
    );
    expect(extractPageMetadata(doc, 'https://blog.example/post').author).toBe('Maria Keller');
  });
});

describe('Chinese bylines, sources and dates as portals print them', () => {
  it.each([
    ['新华社北京2月19日电（记者 张三、李四）国务院新闻办公室19日举行发布会。', '张三、李四'],
    ['本报记者 王五 北京报道', '王五'],
    ['（记者张三报道）', '张三'],
    ['文｜李四', '李四'],
    ['作者：陈晨 2020-02-19 10:21', '陈晨'],
    ['2020-02-19 10:21:40　来源: 澎湃新闻 责任编辑：赵六', undefined],
    ['責任編輯：趙六', undefined],
    ['中央社記者 林七 台北19日電', '林七'],
  ])('%s → %s', (line, name) => {
    expect(zhByline([line])).toBe(name);
  });

  it('reads the source line, and prefers it to a guess from the domain', () => {
    expect(zhSourceLine(['2020年02月19日 10:23 来源：新浪科技'])).toBe('新浪科技');
    const doc = page(
      '<title>某公司发布新芯片_新浪财经_新浪网</title>',
      '<h1>某公司发布新芯片</h1><div class="date-source"><span class="date">2020年02月19日 10:23</span> <span class="source">来源：新浪科技</span></div><p>　　新浪科技讯（记者 张三）2月19日消息，某公司今日发布新芯片。</p><p class="show_author">责任编辑：赵六</p>',
    );
    const url = 'https://finance.sina.com.cn/tech/2020-02-19/doc-abc.shtml';
    const meta = finishFields(extractPageMetadata(doc, url), url);
    // The portal's own desk names the publisher more precisely than the domain.
    expect(meta).toMatchObject({ source: '新浪科技', author: '张三', title: '某公司发布新芯片' });
    expect(meta.reprintOf).toBeUndefined();
    expect(meta.publishedAt?.slice(0, 10)).toBe('2020-02-19');
  });

  it('shows a reprint’s credit as where the story first ran; the source stays the site that serves it', () => {
    const doc = page(
      '<title>某公司发布新芯片_新浪财经_新浪网</title>',
      '<h1>某公司发布新芯片</h1><div class="date-source"><span class="date">2020年02月19日 10:23</span> <span class="source">来源：澎湃新闻</span></div><p>某公司今日发布新芯片。</p><p class="show_author">责任编辑：赵六</p>',
    );
    const url = 'https://finance.sina.com.cn/tech/2020-02-19/doc-abc.shtml';
    const meta = finishFields(extractPageMetadata(doc, url), url);
    expect(meta).toMatchObject({ source: '新浪财经', reprintOf: '澎湃新闻' });
    // The editor is never the author.
    expect(meta.author).toBeUndefined();
  });

  it('takes no editor for the author', () => {
    const doc = page(
      '<meta property="og:site_name" content="网易">',
      '<h1>标题</h1><div class="post_info">2020-02-19 10:21:40　来源: 澎湃新闻</div><p>正文。</p><span class="ep-editor">责任编辑：赵六_NN1234</span>',
    );
    expect(extractPageMetadata(doc, 'https://www.163.com/dy/article/ABC.html').author).toBeUndefined();
  });
});

describe('a canonical link must name the same site, not a neighbour on a shared domain', () => {
  it('keeps the page’s own address when a github.io page claims another one’s post', () => {
    const doc = page('<link rel="canonical" href="https://victim.github.io/post"><title>Post</title>', '<p>x</p>');
    expect(extractPageMetadata(doc, 'https://evil.github.io/copy').url).toBe('https://evil.github.io/copy');
  });

  it('follows a mobile or AMP edition to the site’s own address', () => {
    const doc = page('<link rel="canonical" href="https://www.example.co.uk/story"><title>Story</title>', '<p>x</p>');
    expect(extractPageMetadata(doc, 'https://amp.example.co.uk/story').url).toBe('https://www.example.co.uk/story');
  });
});

describe('the visible headline wins over a title that only adds a kicker, a tag or flat punctuation', () => {
  const titled = (title: string, h1: string) =>
    extractPageMetadata(page(`<title>${title}</title>`, `<h1>${h1}</h1><p>Text.</p>`), 'https://a.example/x').title;

  it.each([
    ['Chronik: Lotte Tobisch ist tot', 'Lotte Tobisch ist tot'],
    ['Klimaschutz: Bohren, bis es heiß wird', 'Bohren, bis es heiß wird'],
    [
      '»Einfach kein Geld mehr, um die Miete zu zahlen« (neues deutschland)',
      '»Einfach kein Geld mehr, um die Miete zu zahlen«',
    ],
    ['Korsetts - Shops, Designer, online kaufen', 'Korsetts – Shops, Designer, online kaufen'],
    ["A Paris-8, un peu de tension, beaucoup d'actions", 'A Paris-8, un peu de tension, beaucoup d’actions'],
  ])('%s → %s', (title, h1) => {
    expect(titled(title, h1)).toBe(h1);
  });

  it('keeps the longer title when it goes on in words after a shortened h1', () => {
    expect(
      titled('Microsoft capex hits record as Azure growth edges past forecasts', 'Microsoft capex hits record'),
    ).toBe('Microsoft capex hits record as Azure growth edges past forecasts');
    // A one-word h1 (a section or site label) is not taken for the headline.
    expect(titled('Trails! Ischgl', 'Ischgl')).toBe('Trails! Ischgl');
  });
});

describe('a Chinese site name after a bare hyphen is a suffix', () => {
  it('strips “-新华网” but keeps a hyphen inside the headline', () => {
    // The site's known name is applied once the capture has left the page (lib/capture/tidy-capture.ts).
    const titleOf = (title: string, url: string) =>
      withKnownSite(extractPageMetadata(page(`<title>${title}</title>`, '<p>正文。</p>'), url), url).title;
    expect(titleOf('武汉的声音：有英勇的你，才有英雄的城！-新华网', 'http://www.xinhuanet.com/x.htm')).toBe(
      '武汉的声音：有英勇的你，才有英雄的城！',
    );
    expect(titleOf('中美-欧盟三方会谈举行', 'https://news.example.cn/a')).toBe('中美-欧盟三方会谈举行');
  });
});

describe('each field says where it was read', () => {
  it('names the page data, the headline, a byline, the address and the domain', () => {
    const declared = extractPageMetadata(
      page(
        '<meta property="og:title" content="Declared title"><meta property="og:site_name" content="Daily"><meta name="author" content="Ann Lee"><meta property="article:published_time" content="2026-01-27T08:00:00Z">',
        '<h1>Another headline entirely</h1>',
      ),
      'https://daily.example/2026/01/20/story',
    );
    expect(declared.origins).toEqual({
      title: 'declared',
      source: 'declared',
      author: 'declared',
      publishedAt: 'declared',
    });

    const guessed = extractPageMetadata(
      page(
        '<title>Chronik: Lotte Tobisch ist tot</title>',
        '<h1>Lotte Tobisch ist tot</h1><p class="byline">By Max Muster</p>',
      ),
      'https://nowhere-known.example/2026/01/27/tobisch',
    );
    expect(guessed.origins).toEqual({ title: 'headline', source: 'domain', author: 'byline', publishedAt: 'url' });

    const titled = extractPageMetadata(page('<title>Only a title tag here</title>', '<p>x</p>'), 'https://x.example/a');
    expect(titled.origins.title).toBe('page-title');
    expect(titled.origins.author).toBeUndefined();
    expect(titled.origins.publishedAt).toBeUndefined();
  });
});

describe('the visible headline', () => {
  it('is the first <h1> with text outside the header and logo, not the site name a theme put first', () => {
    const doc = page(
      '<title>Faire Lieferketten - Jugendwerk in Württemberg</title>',
      '<header><h1 class="site-title"><a href="/">Jugendwerk in Württemberg</a></h1></header><h1> </h1><article><h1>Faire Lieferketten</h1></article>',
    );
    const found = extractPageMetadata(doc, 'https://e.example/lieferketten');
    expect(found.title).toBe('Faire Lieferketten');
    expect(found.origins.title).toBe('headline');
    // An article's own header is not the site's.
    const articleHeader = page(
      '<title>Faire Lieferketten | Jugendwerk</title>',
      '<header><h1><a href="/">Jugendwerk</a></h1></header><article><header><h1>Faire Lieferketten</h1></header></article>',
    );
    expect(extractPageMetadata(articleHeader, 'https://e.example/lieferketten').title).toBe('Faire Lieferketten');
  });
});

describe('dates shown on the page', () => {
  it.each([
    // An English ordinal day, no comma.
    ['<div><h1>Scraping</h1></div><div class="story-meta">by Ann · December 29th 2019</div>', '2019-12-29'],
    // A "meta" line of a public body's news page: place, then the day.
    ['<div><h1>Frauen im THW</h1></div><div><span class="metadata">Bonn,&nbsp;11.10.2021</span></div>', '2021-10-11'],
    // A label that names the date, the date in the next element or text.
    [
      '<div><h1>Tabaksteuer</h1></div><div class="docData"><span class="label">Datum:</span> <span class="value">18.10.2021</span></div>',
      '2021-10-18',
    ],
    ['<div><h1>Škoda</h1></div><aside><h5>Datum: </h5>03.11.2021</aside>', '2021-11-03'],
    // Two-digit years, abbreviated months, a French label and element names for "created" and "authored".
    ['<h1>Wachstum</h1><span class="post-created"> 28.01.22</span>', '2022-01-28'],
    ['<h1>Kreissäge</h1><p class="subline-date"> 21. Jan 2022 </p>', '2022-01-21'],
    ['<h1>Nuls</h1><p class="title">Mise en ligne</p><p class="content">23 mai 2019</p>', '2019-05-23'],
    ['<h1>Menschenrechte</h1><div class="authored">10.11.2021</div>', '2021-11-10'],
    ['<h1>Trinkwasser</h1><p>Erstellt am: 01.11.2023</p>', '2023-11-01'],
    // A label and its date among other lines of one element.
    [
      '<div><h1>Ann Cotten</h1></div><p class="last-line">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br>Lesungen</p>',
      '2023-11-01',
    ],
    [
      '<div><h1>Italien</h1></div><span class="heading__line"> Stand - 12.11.2021<br/> (Unverändert gültig)</span>',
      '2021-11-12',
    ],
  ])('%s → %s', (body, day) => {
    const found = extractPageMetadata(page('<title>A page</title>', body), 'https://e.example/news');
    expect(found.publishedAt?.slice(0, 10)).toBe(day);
    expect(found.origins.publishedAt).toBe('byline');
  });
});

describe('what is not an author', () => {
  it.each([
    'Tweet',
    'Zum Inhalt springen',
    '9 articles',
    'wordpressadmin',
    'Foto: Ingo Schneider',
    '10.11.2021',
    '30/10/23',
    // Organisations: companies, public bodies, an address.
    'Perform Media Deutschland GmbH',
    'Bundesministerium für Wirtschaft und Klimaschutz',
    'besserwisser eG',
    'publisher',
    'facebook.com/vegolosi',
    // Dates and sentences in an author slot.
    '3 de Mayo de 2022',
    'Endlich mehr Beschleunigung wagen!',
    'eMagazine Login',
  ])('%j', (name) => {
    expect(plausibleAuthor(name, 'Example News', 'news.example.com')).toBe(false);
  });

  it('drops the desk named after the site from a byline', () => {
    const doc = page('', '<p class="author">Michael Humpa | CHIP Software-Redaktion</p><p>Text</p>');
    expect(extractPageMetadata(doc, 'https://www.chip.de/downloads/x.html').author).toBe('Michael Humpa');
  });

  it('reads a name written as plain text in an author box or a German Autorenzeile', () => {
    const box = page('', '<div class="authorbox"><strong>von</strong> <span>Dennis Kochinky</span></div>');
    expect(extractPageMetadata(box, 'https://example.com/a').author).toBe('Dennis Kochinky');
    const zeile = page('', '<p class="autorenzeile small">Von Volkmar Kabisch und Jan Lukas Strozyk</p>');
    expect(extractPageMetadata(zeile, 'https://example.com/b').author).toBe('Volkmar Kabisch und Jan Lukas Strozyk');
  });
});

describe('character references a CMS escaped twice', () => {
  it('are decoded in the title, the site name and the author', () => {
    const doc = page(
      '<meta property="og:title" content="NASCIO&amp;#8217;s plan &amp;#038; more"><meta property="og:site_name" content="Caf&amp;eacute; News"><meta name="author" content="Ren&amp;#233; Roe">',
      '',
    );
    const meta = extractPageMetadata(doc, 'https://example.com/a');
    expect(meta.title).toBe('NASCIO’s plan & more');
    expect(meta.source).toBe('Café News');
    expect(meta.author).toBe('René Roe');
  });
});

describe('the headline among several <h1>s', () => {
  it('is the one that agrees with the declared title, not the navigation’s', () => {
    const doc = page(
      '<title>Norddeutschland findet seine Meister - Berliner Leichtathletik-Verband</title>',
      '<h1>Quicklink</h1><h1>Navigation</h1><main><h1>Norddeutschland findet seine Meister</h1></main>',
    );
    expect(extractPageMetadata(doc, 'https://example.com/a').title).toBe('Norddeutschland findet seine Meister');
  });

  it('leaves out a roof line, a subtitle or hidden text inside the <h1>', () => {
    const doc = page(
      '<meta property="og:title" content="Wurmkiste selber bauen | Selbst">',
      '<h1><span class="article-header__roofline">Wurmkiste</span> Wurmkiste selber bauen<span class="element-invisible"> | Selbst</span></h1>',
    );
    expect(extractPageMetadata(doc, 'https://www.selbst.de/a').title).toBe('Wurmkiste selber bauen');
    const withSmall = page(
      '<title>Lagen-Pyramide mit GA2</title>',
      '<h1><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</h1>',
    );
    expect(extractPageMetadata(withSmall, 'https://example.com/b').title).toBe('Lagen-Pyramide mit GA2');
  });

  it('is an <h2> that agrees with the title when no <h1> holds it', () => {
    const doc = page(
      '<title>Interning of Small Integers in Python | Blog Archive</title>',
      '<h1 class="site-title">Four Years Remaining</h1><h2>Related posts</h2><h2>Interning of Small Integers in Python</h2>',
    );
    expect(extractPageMetadata(doc, 'https://example.com/a').title).toBe('Interning of Small Integers in Python');
    // An <h1> the theme put in the page header still wins when it is the headline.
    const inHeader = page(
      '<title>Dezuka Suisan: Deep-Fried Fish Cakes | Tofugu</title>',
      '<header><h1>Dezuka Suisan: Deep-Fried Fish Cakes</h1></header><h2>Dezuka Suisan</h2>',
    );
    expect(extractPageMetadata(inHeader, 'https://example.com/b').title).toBe('Dezuka Suisan: Deep-Fried Fish Cakes');
  });

  it('is taken whole when the declared title is its head cut short', () => {
    const doc = page(
      '<meta property="og:title" content="Ultium Cells erhöht Gigafactory-Kapazität">',
      '<article><h1>Ultium Cells erhöht Gigafactory-Kapazität in Tennessee</h1></article>',
    );
    expect(extractPageMetadata(doc, 'https://example.com/a').title).toBe(
      'Ultium Cells erhöht Gigafactory-Kapazität in Tennessee',
    );
  });
});

describe('a day written with slashes', () => {
  it('is read day first on a page in a language that writes it so, and never guessed on a page that names none', () => {
    const body = '<h1>Wahlzensur</h1><span class="post-date">03/04/2018</span>';
    const de = new DOMParser().parseFromString(`<html lang="de"><body>${body}</body></html>`, 'text/html');
    expect(extractPageMetadata(de, 'https://e.example/a').publishedAt).toBe('2018-04-03');
    const us = new DOMParser().parseFromString(`<html lang="en-US"><body>${body}</body></html>`, 'text/html');
    expect(extractPageMetadata(us, 'https://e.example/a').publishedAt).toBe('2018-03-04');
    expect(extractPageMetadata(page('', body), 'https://e.example/a').publishedAt).toBeUndefined();
    // A part over 12 says which is the day, whatever the language.
    const plain = page('', '<h1>Wahlzensur</h1><span class="post-date">26/10/2018</span>');
    expect(extractPageMetadata(plain, 'https://e.example/a').publishedAt).toBe('2018-10-26');
  });
});

describe('a date a CMS stored as local midnight in UTC', () => {
  it('is the next day when it falls on a whole evening hour, and as given otherwise', () => {
    expect(localMidnight('2021-11-04T23:00:00Z')).toBe('2021-11-05');
    expect(localMidnight('2020-02-25T23:00:00.000Z')).toBe('2020-02-26');
    expect(localMidnight('2021-11-04T23:00:01Z')).toBe('2021-11-04T23:00:01Z');
    expect(localMidnight('2021-11-04T23:00:00+01:00')).toBe('2021-11-04T23:00:00+01:00');
    expect(localMidnight('2021-11-04T12:00:00Z')).toBe('2021-11-04T12:00:00Z');
  });
});

describe('a byline under a label in small visible text', () => {
  const authorOf = (body: string) =>
    extractPageMetadata(page('<title>Post</title>', body), 'https://blog.example/p').author;

  it.each([
    ['<span class="category">Posted by Konstantin</span>', 'Konstantin'],
    ['<div>Posted on September 21, 2020 by Adi Tzlil</div>', 'Adi Tzlil'],
    ['<p>Autor: <a href="/x">Nikolai Huke</a></p>', 'Nikolai Huke'],
    ['<h4>Autor</h4><p><a href="/p/n">Nikolai Huke</a></p>', 'Nikolai Huke'],
    ['<p><h5>Autor: </h5>Peter Maahn</p>', 'Peter Maahn'],
    ['<p><strong>Text:</strong> Klausmartin Friedrich</p>', 'Klausmartin Friedrich'],
    ['<p>Auteur : Kossivi Tiassou </p>', 'Kossivi Tiassou'],
    ['<p>Autoren Jelko Djuren und Jutta Klaukien</p>', 'Jelko Djuren und Jutta Klaukien'],
    ['<p> von <em>Klaus Stanjek</em></p>', 'Klaus Stanjek'],
    ['<p><i>von Daniela Obers</i></p>', 'Daniela Obers'],
    ['<h2>Stars <span>06.11.2023 13:30 von Olga </span></h2>', 'Olga'],
    ['<div class="wrote_by">By&nbsp;<a href="/reporters/j">Jose de la Cruz</a></div>', 'Jose de la Cruz'],
    ['<span>Par&nbsp;<a href="/node/m">Matthieu Hy</a></span>', 'Matthieu Hy'],
    ['<p class="postmetadata">Von R. R. am <a href="/2014/02">12.02.2014</a></p>', 'R. R.'],
  ])('%s', (body, name) => {
    expect(authorOf(body)).toBe(name);
  });

  it.each([
    ['a design credit', '<p>Theme by <a href="https://t.example">Elmastudio</a></p>'],
    ['a name in a sentence', '<p>Das Logo des Preises von <em>Bankmagazin</em> und anderen.</p>'],
    ['another post linked by its title', '<ul><li><a href="/von-x">Von Stubenhockern und Glucken</a></li></ul>'],
    ['a photo credit', '<span class="credit">By U.S. CUSTOMS AND BORDER PROTECTION</span>'],
    [
      'a figure',
      '<figure><figcaption>Foto von <b>Jane Roe</b></figcaption></figure><figure><p>By Jane Roe</p></figure>',
    ],
    ['a sentence after the label', '<p>By the way, this is not a name.</p>'],
    ['a footer', '<footer><span>Posted by Konstantin</span></footer>'],
    ['a long paragraph', `<p>Von ${'Wort '.repeat(30)}</p>`],
  ])('not %s', (_, body) => {
    expect(authorOf(body)).toBeUndefined();
  });
});

describe('a time declared in UTC, read as the day the page shows', () => {
  const shown = (day: string | undefined) => () => day;

  it('takes the shown day one day earlier for an early UTC hour (the Americas)', () => {
    expect(pageDay('2022-05-04T00:25:00Z', shown('2022-05-03'))).toBe('2022-05-03');
    expect(pageDay('2022-05-04T03:37:37+00:00', shown('2022-05-03T21:37'))).toBe('2022-05-03');
  });

  it('takes the shown day one day later for a late UTC hour (Europe; East Asia from 15:00)', () => {
    expect(pageDay('2019-10-18T22:04:00Z', shown('2019-10-19'))).toBe('2019-10-19');
    expect(pageDay('2026-01-29T16:30:00Z', shown('2026-01-30'), true)).toBe('2026-01-30');
    expect(pageDay('2026-01-29T16:30:00Z', shown('2026-01-30'))).toBe('2026-01-29T16:30:00Z');
  });

  it('keeps the declared time otherwise', () => {
    // Midday UTC is the same day everywhere the pages we see are written; a day after is another date.
    expect(pageDay('2022-01-25T12:02:53+00:00', shown('2022-01-26'))).toBe('2022-01-25T12:02:53+00:00');
    // The wrong direction for the hour, or more than a day away.
    expect(pageDay('2022-05-04T00:25:00Z', shown('2022-05-05'))).toBe('2022-05-04T00:25:00Z');
    expect(pageDay('2022-05-04T00:25:00Z', shown('2022-05-02'))).toBe('2022-05-04T00:25:00Z');
    // A time with its own offset already names the page's day; no date shown, nothing to go by.
    expect(pageDay('2022-05-04T00:25:00-03:00', shown('2022-05-03'))).toBe('2022-05-04T00:25:00-03:00');
    expect(pageDay('2022-05-04T00:25:00Z', shown(undefined))).toBe('2022-05-04T00:25:00Z');
    expect(pageDay('2022-05-04', shown('2022-05-03'))).toBe('2022-05-04');
  });

  it('reads the shown date only when the declared time could be another day', () => {
    let asked = 0;
    const count = () => {
      asked++;
      return '2022-01-26';
    };
    pageDay('2022-01-25T12:00:00Z', count);
    pageDay('2022-01-25T12:00:00+01:00', count);
    expect(asked).toBe(0);
  });

  it('applies to a page whose declared UTC time is late evening and which shows the next day', () => {
    const doc = page(
      '<meta property="article:published_time" content="2019-10-18T22:04:00Z"><title>Story</title>',
      '<h1>Story</h1><span class="date">19.10.2019</span>',
    );
    expect(extractPageMetadata(doc, 'https://news.example/story').publishedAt).toBe('2019-10-19');
  });
});

describe('authors in meta tags', () => {
  it('reads every author of the first kind of meta the page gives, once each', () => {
    const doc = page(
      '<title>Crash</title><meta name="parsely-author" content="Jessica Holly"><meta name="parsely-author" content="Gail Levy"><meta name="parsely-author" content="Gail Levy">',
      '<p>Text</p>',
    );
    expect(extractPageMetadata(doc, 'https://news.example/a').author).toBe('Jessica Holly, Gail Levy');
  });

  it('passes over a kind that holds only a link and reads the next', () => {
    const doc = page(
      '<title>A</title><meta property="article:author" content="https://facebook.com/someone"><meta name="parsely-author" content="Jane Roe">',
      '<p>Text</p>',
    );
    expect(extractPageMetadata(doc, 'https://news.example/a').author).toBe('Jane Roe');
  });
});

describe('JSON-LD as pages write it', () => {
  it('reads a block wrapped in CDATA markers (older CMSs, pages saved as XHTML)', () => {
    const ld = (wrapped: string) =>
      extractPageMetadata(
        page(`<title>x</title><script type="application/ld+json">${wrapped}</script>`, '<p>Text</p>'),
        'https://news.example/a',
      );
    const block =
      '{"@type":"NewsArticle","headline":"A headline","author":[{"@type":"Person","name":"Stella Kim"},{"@type":"Person","name":"Jennifer Jett"}],"datePublished":"2024-12-06T22:00:40Z","publisher":{"name":"Example News"}}';
    for (const wrapped of [`\n<![CDATA[\n${block}\n]]>\n`, `//<![CDATA[\n${block}\n//]]>`]) {
      const meta = ld(wrapped);
      expect([meta.title, meta.author, meta.publishedAt, meta.source]).toEqual([
        'A headline',
        'Stella Kim, Jennifer Jett',
        '2024-12-06T22:00:40Z',
        'Example News',
      ]);
    }
  });

  it('passes over a headline that shares no word with the page’s other titles', () => {
    const doc = page(
      '<title>New Zealand - Wikipedia</title><meta property="og:title" content="New Zealand - Wikipedia"><script type="application/ld+json">{"@type":"Article","headline":"constitutional monarchy in Oceania","name":"New Zealand"}</script>',
      '<h1>New Zealand</h1>',
    );
    expect(extractPageMetadata(doc, 'https://en.wikipedia.org/wiki/New_Zealand').title).toBe('New Zealand');
    const agreeing = page(
      '<title>If You Can Picture A Tarot Card</title><script type="application/ld+json">{"@type":"Article","headline":"The Deck of Cards That Made Tarot A Global Phenomenon"}</script>',
      '<p>x</p>',
    );
    expect(extractPageMetadata(agreeing, 'https://a.example/t').title).toBe(
      'The Deck of Cards That Made Tarot A Global Phenomenon',
    );
  });
});

describe('a day before the title', () => {
  it('is the page’s date, not part of its title', () => {
    const titleOf = (title: string) =>
      extractPageMetadata(page(`<title>${title}</title>`, '<p>x</p>'), 'https://e.example/a').title;
    expect(titleOf('23.01.2022 - Dorothea Wierer darf beim Antholz-Abschluss noch jubeln')).toBe(
      'Dorothea Wierer darf beim Antholz-Abschluss noch jubeln',
    );
    expect(titleOf('08.11.2021 | Online-Veranstaltung')).toBe('Online-Veranstaltung');
    // A title that is a date, or that only starts with a number, stays whole.
    expect(titleOf('23.01.2022')).toBe('23.01.2022');
    expect(titleOf('2022 - Das Jahr in Bildern')).toBe('2022 - Das Jahr in Bildern');
  });
});

describe('never an author: credits, code, tags, vendors, buttons and channel menus', () => {
  it.each([
    'Bild: Sn/Apa/Keystone/Cyril Zingaro',
    'Quelle: sid/dpa',
    'window._folmq.push(function() {TFT.Ext.FOL.loadInlineSvgSprite("',
    '[人物]',
    '大汉网络',
    'Discuz! Team and Comsenz UI Team',
    'Folgen',
  ])('%s', (name) => {
    expect(plausibleAuthor(name, 'Example News', 'www.example.com')).toBe(false);
  });

  it('skips a button in an author box and a link to a channel of people', () => {
    const doc = page(
      '',
      '<h1>Headline</h1><div class="author-follow"><button class="followAuthorBtn">Folgen</button></div><ul class="menu"><li><a href="https://ent.example.com/people/">明星</a></li></ul><p>Text.</p>',
    );
    expect(extractPageMetadata(doc, 'https://www.example.com/a').author).toBeUndefined();
    const person = page('', '<h1>Headline</h1><p>Text <a href="/people/jane-roe">Jane Roe</a></p>');
    expect(extractPageMetadata(person, 'https://www.example.com/a').author).toBe('Jane Roe');
  });
});

describe('seen in a walkthrough', () => {
  it('reads the writer of a WeChat article from its author line (an editorial team), not the 原创 mark or the account', () => {
    const doc = page(
      '<meta property="og:title" content="大模型周报"><meta name="author" content="新智元">',
      '<h1 id="activity-name">大模型周报</h1><div id="meta_content" class="rich_media_meta_list"><span id="copyright_logo" class="rich_media_meta rich_media_meta_text">原创</span><span class="rich_media_meta rich_media_meta_text">新智元编辑部</span><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">新智元</a></span><em id="publish_time" class="rich_media_meta rich_media_meta_text">2026年01月30日 18:05</em></div>',
    );
    expect(extractPageMetadata(doc, 'https://mp.weixin.qq.com/s/abc').author).toBe('新智元编辑部');
  });

  it('reads a Hacker News item: the poster’s link, the time in the age’s title, the site by name', () => {
    const doc = page(
      '<title>Show HN: A tiny clipper | Hacker News</title>',
      '<table><tr class="athing"><td class="title"><span class="titleline"><a href="https://example.com/x">Show HN: A tiny clipper</a></span></td></tr><tr><td class="subtext"><span class="score">42 points</span> by <a href="user?id=pg" class="hnuser">pg</a> <span class="age" title="2026-01-28T15:04:05 1769612645"><a href="item?id=1">3 hours ago</a></span></td></tr></table><div class="comment-tree"><a href="user?id=troll" class="hnuser">troll</a></div>',
    );
    const url = 'https://news.ycombinator.com/item?id=1';
    const meta = finishFields(extractPageMetadata(doc, url), url);
    expect(meta).toMatchObject({ source: 'Hacker News', author: 'pg', title: 'Show HN: A tiny clipper' });
    expect(meta.publishedAt?.slice(0, 10)).toBe('2026-01-28');
  });

  it('writes an AP byline in capitals in title case, and reads its date from the time stamp beside the shown one', () => {
    expect(cleanAuthor('By MATT O’BRIEN, BARBARA ORTUTAY')).toBe('Matt O’Brien, Barbara Ortutay');
    expect(cleanAuthor('URSULA VON DER LEYEN')).toBe('Ursula von der Leyen');
    const doc = page(
      '<meta property="og:title" content="Tech layoffs">',
      '<h1>Tech layoffs</h1><div class="Page-dateModified">Updated 3:45 PM EST, January 28, 2026</div><bsp-timestamp data-timestamp="1769633100000"></bsp-timestamp>',
    );
    expect(extractPageMetadata(doc, 'https://apnews.com/article/x').publishedAt?.slice(0, 10)).toBe('2026-01-28');
  });

  it('reads each citation_author as one person, `Last, First` turned round', () => {
    const doc = page(
      '<meta name="citation_title" content="A survey"><meta name="citation_author" content="Chen, Wei"><meta name="citation_author" content="Smith, Jane">',
      '<h1>A survey</h1>',
    );
    expect(extractPageMetadata(doc, 'https://arxiv.org/abs/2601.00001').author).toBe('Wei Chen, Jane Smith');
  });
});
