// The site's own name in a title (`Headline | Site`, `标题_新浪科技_新浪网`): read in the page by the
// clipper (lib/capture/metadata.ts) and again once a capture has left it (lib/capture/tidy-capture.ts).

// (`--` separates as old portals write it, `…成长--大河网`. A bare hyphen separates only between Chinese text or full-width punctuation and Chinese: `…城！-新华网`.
// A hyphen glued to a word before a conjunction shortens a compound, `Feuerwehr- und Katastrophenschutz`.)
export const SEPARATORS =
  /\s*-{2,}\s*|\s+[|–—\-·•»«›‹:]\s+|\s+::\s+|\s*[｜|_]\s*|\s+-\s*|\s*-\s+(?!(?:und|oder|bis|sowie|and|or|et|ou|y|o|u\.)\s)|(?<=[\u3000-\u303f\u3400-\u9fff\uff01-\uff0f])-(?=[\u3400-\u9fff])/;

export function normalizeName(value: string): string {
  return value.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Whether a title segment names the site rather than the article. */
function isSiteSegment(segment: string, siteNames: string[], host: string): boolean {
  const seg = normalizeName(segment);
  // WordPress themes put `Blog Archive »` before every post's title.
  if (!seg || seg.startsWith('blogarchiv')) return true;
  const hostLabels = host
    .replace(/^www\./, '')
    .split('.')
    .filter((l) => l.length > 2 && !['com', 'net', 'org', 'www'].includes(l));
  if (hostLabels.some((label) => seg.includes(label.toLowerCase()))) return true;
  return siteNames.some((name) => sameBrand(segment, name));
}

/** The article title without the site names pages wrap around it. */
export function stripSiteName(raw: string, siteNames: string[], host: string): string {
  const segments = raw.split(SEPARATORS).map((s) => s.trim());
  if (segments.length < 2) return raw.trim();
  while (segments.length > 1 && isSiteSegment(segments[segments.length - 1] as string, siteNames, host)) segments.pop();
  while (segments.length > 1 && isSiteSegment(segments[0] as string, siteNames, host)) segments.shift();
  if (segments.length === 0) return raw.trim();
  // Rebuild from the original so separators inside the kept title (a dash in a name) survive.
  const first = segments[0] as string;
  const last = segments[segments.length - 1] as string;
  const start = raw.indexOf(first);
  const end = raw.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? raw.slice(start, end).trim() : segments.join(' - ');
}

/** Words Chinese outlets end their names with (`大河网`, `太原晚报`, `雅虎新闻`, `搜狐财经`, `央视论坛`). */
const ZH_OUTLET =
  /^[\p{Script=Han}A-Za-z0-9·]{2,12}(?:网|網|网站|網站|报|報|新闻|新聞|财经|財經|在线|在線|频道|頻道|论坛|論壇|社区|社區|电视台|電視台|杂志|雜誌|周刊|週刊)$/u;

/** A name as a domain spells it: `Nalas Löwenseiten` → `nalasloewenseiten`. */
function asDomain(name: string): string {
  return normalizeName(
    name
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/\p{M}/gu, ''),
  );
}

/**
 * Whether a name is the one a domain spells (`Example Weekly` for exampleweekly.com, `Nalas
 * Löwenseiten` for nalas-loewenseiten.info) or abbreviates (`Mitteldeutscher Rundfunk` for mdr.de).
 */
export function namesDomain(name: string, domain: string): boolean {
  const label = asDomain(domain.split('.')[0] ?? '');
  const spelt = asDomain(name);
  if (label.length < 2 || spelt.length < 2) return false;
  if (spelt === label || (label.length >= 3 && spelt.includes(label))) return true;
  if (label.length >= 3 && label.includes(spelt) && spelt.length >= label.length / 2) return true;
  const words = name.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  return words.length >= 2 && asDomain(words.map((w) => w[0]).join('')) === label;
}

/** A bare host (`blog.example.com`) says no more than the domain does. */
const HOST_LIKE = /^[\w-]+(?:\.[\w-]+)+$/;

/**
 * The site's name in a page's title, for a page that states it nowhere else: the segment at either
 * end that names the domain (`… – Example Weekly` on exampleweekly.com) or, on a Chinese page, an
 * outlet's name (`…--大河网`, `…_央广网`). Never a bare host (`| blog.example.com`).
 */
export function siteNameInTitle(title: string, domain: string): string | undefined {
  const segments = title
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
  if (segments.length < 2) return undefined;
  const longest = Math.max(...segments.map((s) => s.length));
  for (const segment of [segments[segments.length - 1] as string, segments[0] as string]) {
    if (HOST_LIKE.test(segment) || segment.length > 40) continue;
    // An outlet's ending alone does not tell a site from a headline (`…改善农牧区人居环境网`): the shorter part.
    if (namesDomain(segment, domain) || (segment.length < longest && ZH_OUTLET.test(segment))) return segment;
  }
  return undefined;
}

/** The site's name in its header logo's text (`<img alt="Parallels">`), when it names the domain. */
export function siteNameInLogo(alt: string, domain: string): string | undefined {
  const name = alt
    .replace(/\blogo\b/gi, '')
    .replace(/^[\s|:–—-]+|[\s|:–—-]+$/g, '')
    .trim();
  return name && name.length <= 40 && !HOST_LIKE.test(name) && namesDomain(name, domain) ? name : undefined;
}

/**
 * Whether `name` is of the brand `brand` names: one within the other, or a short Chinese name with
 * the same first two characters (`新浪科技` and `新浪网`, `网易科技` and `网易`: a portal's desk and the
 * portal). Title segments are judged by it, and so is a credit line's outlet.
 */
export function sameBrand(name: string, brand: string): boolean {
  const x = normalizeName(name);
  const y = normalizeName(brand);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  return /\p{Script=Han}/u.test(x) && x.length <= 8 && x.slice(0, 2) === y.slice(0, 2);
}
