// The site's own name in a title (`Headline | Site`, `标题_新浪科技_新浪网`): read in the page by the
// clipper (lib/capture/metadata.ts) and again once a capture has left it (lib/capture/tidy-capture.ts).

// (A bare hyphen separates only between Chinese text or full-width punctuation and Chinese: `…城！-新华网`.
// A hyphen glued to a word before a conjunction shortens a compound, `Feuerwehr- und Katastrophenschutz`.)
export const SEPARATORS =
  /\s+[|–—\-·•»«›‹:]\s+|\s+::\s+|\s*[｜|_]\s*|\s+-\s*|\s*-\s+(?!(?:und|oder|bis|sowie|and|or|et|ou|y|o|u\.)\s)|(?<=[\u3000-\u303f\u3400-\u9fff\uff01-\uff0f])-(?=[\u3400-\u9fff])/;

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
  return siteNames.some((name) => {
    const n = normalizeName(name);
    if (!n) return false;
    if (seg === n || seg.includes(n) || n.includes(seg)) return true;
    // 新浪网 vs 新浪科技: same brand, two spellings.
    return /\p{Script=Han}/u.test(seg) && seg.length <= 8 && seg.slice(0, 2) === n.slice(0, 2);
  });
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
