import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDigestHtml, renderDigestWechat } from '../../../lib/digest/html-writer';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';
import { expectGolden } from './golden';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

describe('renderDigestWechat: the draft for the 公众号 editor', () => {
  it('renders the seed week (golden)', () => {
    expectGolden('seed-week.wechat.html', renderDigestWechat(SEED_WEEK).html);
  });

  it('turns every outside link into a numbered marker, listing each address once at the end', () => {
    const { html, text } = renderDigestWechat(SEED_WEEK);
    const doc = parse(html);
    expect(doc.querySelectorAll('a')).toHaveLength(0);
    const markers = [...(doc.body.textContent ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const listed = Array.from(doc.querySelectorAll('small'), (s) => s.textContent ?? '');
    const cited = new Set(SEED_WEEK.items.flatMap((i) => i.sources.map((s) => s.canonicalUrl)));
    // Each source's address once, plus the http(s) links the editor wrote in notes.
    expect(listed.length).toBeGreaterThanOrEqual(cited.size);
    expect(new Set(listed.map((l) => l.replace(/^\[\d+\] /, ''))).size).toBe(listed.length);
    for (const url of cited) expect(listed.some((l) => l.endsWith(` ${new URL(url).href}`))).toBe(true);
    expect(Math.max(...markers)).toBe(listed.length);
    expect(doc.querySelector('h2:last-of-type')?.textContent).toBe('参考链接');
    expect(text).toContain('[1] https://');
  });

  it('styles inline only: no class, no stylesheet, every heading, quote and list styled', () => {
    const doc = parse(renderDigestWechat(SEED_WEEK).html);
    expect(doc.querySelectorAll('[class], style, link')).toHaveLength(0);
    for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, p, ul, ol, li, blockquote')))
      expect(el.getAttribute('style')).toMatch(/:/);
  });

  it('lets nothing executable through and lists only web addresses, whatever the text (property)', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '" onmouseover="x',
        '<a href="https://x">x</a>',
      ),
    );
    fc.assert(
      fc.property(
        hostile,
        hostile,
        fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>x</script>', 'https://ok.example/a?b="c"'),
        (title, summary, url) => {
          const first = SEED_WEEK.items[0] as (typeof SEED_WEEK.items)[number];
          const source = { ...(first.sources[0] as (typeof first.sources)[number]), title, canonicalUrl: url };
          const doc = parse(
            renderDigestWechat({ ...SEED_WEEK, items: [{ ...first, summary, sources: [source] }] }).html,
          );
          expect(doc.querySelectorAll('script, style, img, svg, iframe, object, a')).toHaveLength(0);
          for (const el of Array.from(doc.querySelectorAll('*')))
            for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on')).toBe(false);
          for (const small of Array.from(doc.querySelectorAll('small')))
            expect(small.textContent).toMatch(/^\[\d+\] https?:\/\//);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the language of each block', () => {
  it('marks English text in a Chinese draft (and Chinese in an English one) so it renders in its own script', () => {
    const first = SEED_WEEK.items[0] as (typeof SEED_WEEK.items)[number];
    const item = { ...first, summary: 'Apple’s deal isn’t done' };
    const zh = parse(renderDigestHtml({ ...SEED_WEEK, items: [item] }).document);
    const english = Array.from(zh.querySelectorAll('[lang="en"]'), (e) => e.textContent ?? '');
    expect(english.some((t) => t.includes('Apple’s deal isn’t done'))).toBe(true);
    expect(zh.documentElement.getAttribute('lang')).toBe('zh-CN');
    const en = parse(
      renderDigestHtml({
        ...SEED_WEEK,
        settings: { ...SEED_WEEK.settings, language: 'en' },
        items: [{ ...first, summary: '苹果收购' }],
      }).document,
    );
    expect(Array.from(en.querySelectorAll('[lang="zh-CN"]'), (e) => e.textContent).join(' ')).toContain('苹果收购');
  });
});
