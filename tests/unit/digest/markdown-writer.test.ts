import { Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { renderDigestHtml } from '../../../lib/digest/html-writer';
import { digestSlug, renderDigest } from '../../../lib/digest/markdown-writer';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';
import { expectGolden } from './golden';

describe('renderDigest', () => {
  it('renders the seed week in the published Chinese shape (golden)', () => {
    const digest = renderDigest(SEED_WEEK);
    expect(digest.filename).toBe('ai-weekly-info-2026-02-01.md');
    expectGolden('seed-week.zh.md', digest.markdown);
  });

  it('adds Hugo/Hexo/Jekyll front matter when asked (golden)', () => {
    const digest = renderDigest({ ...SEED_WEEK, settings: { ...SEED_WEEK.settings, frontMatter: true } });
    expectGolden('seed-week.zh.front-matter.md', digest.markdown);
  });

  it('renders an English digest with English labels (golden)', () => {
    const digest = renderDigest({ ...SEED_WEEK, settings: { ...SEED_WEEK.settings, language: 'en' } });
    expectGolden('seed-week.en.md', digest.markdown);
  });

  it('is deterministic and independent of input order', () => {
    const a = renderDigest(SEED_WEEK).markdown;
    const b = renderDigest({
      ...SEED_WEEK,
      items: [...SEED_WEEK.items].reverse(),
      sections: [...SEED_WEEK.sections].reverse(),
    }).markdown;
    expect(b).toBe(a);
  });

  it('matches the anatomy of docs/digest-format.md', () => {
    const md = renderDigest(SEED_WEEK).markdown;
    const lines = md.split('\n');
    expect(lines[0]).toBe('# AI 一周记(2026-01-26 至 2026-02-01)');
    expect(md).toContain('分类:ai-weekly-info | slug:ai-weekly-info-2026-02-01 | 发布时间范围:近7天');
    expect(md).toMatch(/\n预计阅读时长 \d+ 分钟\n/);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## 本周要闻速览',
      '## 深度解析',
      '## 行业思考',
      '## 参考资料与本地摘录',
    ]);
    // A story of two sources cites both, joined with 、
    expect(md).toContain(
      '来源:[知乎专栏](https://zhuanlan.zhihu.com/p/1999000001)、[掘金周报](https://juejin.cn/post/7600000000000000001)',
    );
    expect(md).toContain('### 1)AI 资本开支与“兑现压力”加码');
    // Every cited source is in the references exactly once, with its quotes.
    const references = md.slice(md.indexOf('## 参考资料与本地摘录'));
    const cited = new Set(SEED_WEEK.items.flatMap((i) => i.sources.map((s) => s.canonicalUrl)));
    expect(cited.size).toBe(10);
    for (const url of cited) {
      const link = `(${url.replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
      expect(references.split(link).length - 1).toBe(1);
    }
    // The editor's own thoughts cite nothing: no 来源 on them.
    expect(md).toContain('- 回报优先:2026 年的核心关键词是“AI 投入的现金回收期”。\n');
    // The closing paragraph comes after the last section.
    expect(md.trimEnd().endsWith('请回复“补充数据集”,我将追加图表与明细。')).toBe(true);
  });

  it('has the reference’s structure when read by a CommonMark parser, in both languages', () => {
    for (const language of ['zh', 'en'] as const) {
      const md = renderDigest({ ...SEED_WEEK, settings: { ...SEED_WEEK.settings, language } }).markdown;
      const outline: string[] = [];
      for (let node = new Parser().parse(md).firstChild; node; node = node.next) {
        if (node.type === 'heading') outline.push(`h${node.level}`);
        else if (node.type === 'list') {
          let items = 0;
          for (let li = node.firstChild; li; li = li.next) items++;
          outline.push(`${node.listType}:${items}`);
        } else outline.push(node.type);
      }
      const dive = (...body: string[]) => ['h3', ...body];
      expect(outline).toEqual([
        'h1',
        'paragraph', // lede
        'paragraph', // meta line
        'paragraph', // reading time
        'h2',
        'bullet:8', // briefs, one a story of two sources
        'h2',
        // No quotes under the deep dives, as the published digest (deepDiveQuotes: none).
        ...dive('paragraph', 'bullet:2', 'paragraph', 'paragraph'),
        ...dive('bullet:2', 'paragraph', 'ordered:3'),
        ...dive('paragraph', 'bullet:3', 'paragraph'),
        'h2',
        'bullet:3', // thoughts: no source
        'h2',
        'ordered:10', // every cited source once
        'paragraph', // closing
      ]);
    }
  });

  it('numbers each reference once: {{n}} counts the references, and no list number is added to it', () => {
    const settings = { ...SEED_WEEK.settings, templates: { reference: '{{n}}. {{link}} ({{source}})' } };
    const md = renderDigest({ ...SEED_WEEK, settings }).markdown;
    const references = md.slice(md.indexOf('## 参考资料与本地摘录')).split('\n');
    const numbered = references.filter((l) => /^\d+\. /.test(l));
    expect(numbered.map((l) => Number(/^(\d+)\./.exec(l)?.[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(md).not.toMatch(/^\d+\. \d+\. /m);
    // A CommonMark reader sees ten numbered references, 1 to 10.
    const starts: number[] = [];
    for (let node = new Parser().parse(md).firstChild; node; node = node.next)
      if (node.type === 'list' && node.listType === 'ordered' && md.includes('## 参考资料与本地摘录'))
        for (let li = node.firstChild, k = 0; li; li = li.next, k++) starts.push((node.listStart ?? 1) + k);
    expect(starts.slice(-10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const html = renderDigestHtml({ ...SEED_WEEK, settings }).fragment;
    expect(html).not.toMatch(/<li[^>]*>1\. /);
    expect(html).toContain('10. ');
  });

  it('publishes a note on a brief or a thought as paragraphs under its bullet, in Markdown and HTML', () => {
    const items = SEED_WEEK.items.map((i) =>
      i.sectionId === 'briefs' && i === SEED_WEEK.items.find((x) => x.sectionId === 'briefs')
        ? { ...i, note: 'Why it matters: **cost**.\n\n- one\n- two' }
        : i,
    );
    const md = renderDigest({ ...SEED_WEEK, items }).markdown;
    expect(md).toContain('\n\n  Why it matters: **cost**.\n\n  - one\n  - two\n');
    const list = new Parser().parse(md).firstChild;
    let bullets = list;
    while (bullets && bullets.type !== 'list') bullets = bullets.next;
    const first = bullets?.firstChild;
    // Inside the first list item: its line, the note's paragraph and the note's list.
    const kinds: string[] = [];
    for (let n = first?.firstChild; n; n = n.next) kinds.push(n.type);
    expect(kinds).toEqual(['paragraph', 'paragraph', 'list']);
    const html = renderDigestHtml({ ...SEED_WEEK, items }).fragment;
    const li = new DOMParser().parseFromString(html, 'text/html').querySelector('ul > li') as Element;
    expect(li.querySelector('p')?.textContent).toBe('Why it matters: cost.');
    expect(li.querySelector('p strong')?.textContent).toBe('cost');
    expect(Array.from(li.querySelectorAll('ul li'), (x) => x.textContent)).toEqual(['one', 'two']);
  });

  it('says Source before one link and Sources before several in an English draft', () => {
    const md = renderDigest({ ...SEED_WEEK, settings: { ...SEED_WEEK.settings, language: 'en' } }).markdown;
    expect(md).toContain('Sources: [知乎专栏](https://zhuanlan.zhihu.com/p/1999000001), [掘金周报]');
    expect(md).toContain('Source: [StateScoop]');
    expect(md).not.toContain('Source: [知乎专栏]');
  });

  it('leaves the title out of the body when asked (a newsletter tool has its own title field), front matter keeps it', () => {
    const settings = { ...SEED_WEEK.settings, language: 'en' as const, titleInBody: false, frontMatter: true };
    const md = renderDigest({ ...SEED_WEEK, settings }).markdown;
    expect(md).not.toMatch(/^# /m);
    expect(md).toMatch(/^title: "AI /m);
    // English deep dives take plain headings by default, not `1) …`.
    expect(md).toContain('### AI 资本开支与“兑现压力”加码');
  });

  it('leaves out the meta line and the reading time when the editor turns them off', () => {
    const on = renderDigest(SEED_WEEK).markdown;
    expect(on).toContain('分类:ai-weekly-info');
    expect(on).toContain('预计阅读时长');
    const settings = { ...SEED_WEEK.settings, metaLine: false, readingTimeLine: false };
    const off = renderDigest({ ...SEED_WEEK, settings });
    expect(off.markdown).not.toContain('分类:');
    expect(off.markdown).not.toContain('预计阅读时长');
    const html = renderDigestHtml({ ...SEED_WEEK, settings }).fragment;
    expect(html).not.toContain('分类:');
    expect(html).not.toContain('预计阅读时长');
    // Everything else stays: the title, then the lede.
    expect(off.markdown.split('\n').slice(0, 3)).toEqual(on.split('\n').slice(0, 3));
  });

  it('renders Markdown a template writes (bold, italic) in every format, a field value stays text', () => {
    const settings = {
      ...SEED_WEEK.settings,
      templates: { title: '**{{name}}** *{{weekEnd|M月D日}}*', brief: '**{{summary}}** — {{sources}} *' },
    };
    const input = { ...SEED_WEEK, settings };
    const md = renderDigest(input).markdown;
    expect(md.split('\n')[0]).toBe('# **AI 一周记** *2月1日*');
    const html = renderDigestHtml(input).fragment;
    expect(html).toMatch(/<h1[^>]*><strong>AI 一周记<\/strong> <em>2月1日<\/em><\/h1>/);
    expect(html).not.toContain('**');
    // An unpaired mark stays a literal asterisk, and the title in front matter has no marks.
    expect(html).toMatch(/<\/a> \*<\/li>/);
    expect(renderDigest(input).title).toBe('AI 一周记 2月1日');
  });

  it('leaves out empty sections', () => {
    const md = renderDigest({ ...SEED_WEEK, items: SEED_WEEK.items.filter((c) => c.sectionId === 'briefs') }).markdown;
    expect(md).not.toContain('## 深度解析');
    expect(md).not.toContain('## 行业思考');
  });

  it('slugs the category safely', () => {
    expect(digestSlug('AI Weekly / Info', '2026-01-26')).toBe('ai-weekly-info-2026-02-01');
    expect(digestSlug('周报', '2026-01-26')).toBe('digest-2026-02-01');
  });
});
