// The lines of a Chinese page that may say who wrote it, gathered in the page by the clipper and
// read outside it (lib/capture/zh-byline.ts), which keeps the rules out of the injected script.

const INFO_CLASS = /info|source|author|byline|date|time|meta|about|editor/i;
const SKIP_ZONE = /comment|related|recommend|footer|nav/i;
/** A text that may hold a credit: cheap to test on every text of the page before the real reading. */
/** A date with its time, as Chinese pages print it: `2005-04-05 06:40`, `2005/05/17 22:11:42`, `2003年11月12日16:36`. */
const DATED = /\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}\s*|年\d{1,2}月\d{1,2}日\s*)\d{1,2}[:：]\d{2}/;
/** Marks a line gathered for its date (lib/capture/zh-byline.ts zhDateLine), not for a credit. */
export const DATED_MARK = '\u2063';
const MAY_CREDIT = /记者|記者|作者|来源|來源|文\s*[：:|｜/／]|撰|执笔|執筆|通讯员|實習生|实习生|[）)]\s*$/u;

/**
 * The lines of a Chinese page to read credits from, most likely first: the info lines near the
 * headline (elements named for them), the first paragraphs, then every text of the page that may
 * hold a credit (the closing brackets of the story's paragraphs among them), outside comments,
 * related stories, navigation and footers. Bounded walks, so a 5 MB page costs no more than a
 * small one.
 */
export function zhBylineTexts(doc: Document): string[] {
  const info: string[] = [];
  const paragraphs: string[] = [];
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  // Comments, related stories, navigation and footers are left out with everything inside them.
  const skipped = (el: Element) =>
    /^(?:FOOTER|NAV|SCRIPT|STYLE)$/.test(el.tagName) ||
    SKIP_ZONE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
  const elements = doc.createTreeWalker(
    root,
    1 /* NodeFilter.SHOW_ELEMENT */,
    (node) => (skipped(node as Element) ? 2 /* NodeFilter.FILTER_REJECT */ : 1) /* NodeFilter.FILTER_ACCEPT */,
  );
  let seen = 0;
  for (let node = elements.nextNode(); node && seen < 4_000; node = elements.nextNode()) {
    seen++;
    const el = node as Element;
    const tag = el.tagName;
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (info.length < 30 && INFO_CLASS.test(cls)) info.push((el.textContent ?? '').replace(/\s+/g, ' ').slice(0, 200));
    else if (paragraphs.length < 6 && tag === 'P')
      paragraphs.push((el.textContent ?? '').replace(/\s+/g, ' ').slice(0, 120));
    if (info.length >= 30 && paragraphs.length >= 6) break;
  }
  const lines: string[] = [];
  const dated: string[] = [];
  const texts = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  seen = 0;
  // The end of the text before, and a label still waiting for its name in the next text.
  let before = '';
  let label = '';
  for (let node = texts.nextNode(); node && seen < 20_000 && lines.length < 60; node = texts.nextNode()) {
    seen++;
    let value = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (!value) continue;
    const previous = before;
    before = value.slice(-30);
    // `作者：</td><td>芊草凡凡`: the label and its name in two texts.
    if (label) {
      lines.push(`${label} ${value.slice(0, 40)}`);
      label = '';
    }
    // `…一位自甘穷酸的外科医生。</p><p>（袁源）`: a credit in brackets after the story's last sentence.
    if (/^[（(]/.test(value)) value = `${previous} ${value}`;
    // The first few dates with a time in the text, in document order (`2005-04-05 06:40更新`,
    // `本贴由 大卫 于2005年8月12日16:12:21`): where old portals and forums print when a story ran.
    const hasDate = dated.length < 8 && value.length < 200 && DATED.test(value);
    if (!hasDate && !MAY_CREDIT.test(value)) continue;
    const parent = node.parentElement;
    // Text in a link is another story's title; a label's name may be a link (`作者：<a>赵婕</a>`).
    if (!parent || /^(?:SCRIPT|STYLE|A)$/.test(parent.tagName)) continue;
    if (hasDate) dated.push(value);
    if (!MAY_CREDIT.test(value)) continue;
    if (
      parent.closest(
        'footer, nav, [class*="comment" i], [id*="comment" i], [class*="related" i], [class*="recommend" i]',
      )
    )
      continue;
    if (/(?:作者|记者|記者|文)\s*[：:|｜/／]?$/u.test(value)) {
      label = value;
      continue;
    }
    // A long paragraph: its opening (a dateline) and its close (a credit in brackets).
    lines.push(value.length > 180 ? `${value.slice(0, 120)} … ${value.slice(-60)}` : value);
  }
  return [...info, ...paragraphs, ...lines, ...dated.map((line) => `${DATED_MARK}${line}`)];
}
