import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../../lib/digest/markdown-writer';
import { quoteFragmentUrl } from '../../../lib/digest/text-fragment';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

describe('links to a quote’s place on its page', () => {
  it('quotes a short passage whole and a long one by its first and last words', () => {
    expect(quoteFragmentUrl('https://a.example/p', 'Short, sharp - and true.')).toBe(
      'https://a.example/p#:~:text=Short%2C%20sharp%20%2D%20and%20true.',
    );
    const long =
      'The technology will help AirPods understand speech in noisy rooms, the company said on Thursday afternoon.';
    expect(quoteFragmentUrl('https://a.example/p', long)).toBe(
      'https://a.example/p#:~:text=The%20technology%20will%20help,said%20on%20Thursday%20afternoon.',
    );
  });

  it('takes characters, not words, in Chinese, spans paragraphs, and keeps a page anchor', () => {
    const enc = encodeURIComponent;
    const quote = '长文本能力提升明显,推理成本下降。\n\n第二段的结尾在这里结束了。';
    expect(quoteFragmentUrl('https://z.example/p#top', quote)).toBe(
      `https://z.example/p#top:~:text=${enc('长文本能力提升明')},${enc('尾在这里结束了。')}`,
    );
  });

  it('always yields a URL whose terms decode back to text of the quote (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (quote) => {
        const url = quoteFragmentUrl('https://a.example/p', quote);
        if (quote.trim() === '') {
          expect(url).toBe('https://a.example/p');
          return;
        }
        const directive = url.split(':~:text=')[1] as string;
        const folded = quote.replace(/\s+/g, ' ');
        for (const term of directive.split(',')) expect(folded).toContain(decodeURIComponent(term));
      }),
    );
  });

  it('cuts a Chinese quote by characters, never inside an emoji or a rare Han character', () => {
    const quote =
      '据报道这款新模😀型在多项基准测试中超过了此前的所有系统，业内人士认为这标志着一个新的阶段，也引发了关于训练数据来源和能耗的大量讨论。';
    const url = quoteFragmentUrl('https://a.example/x', quote);
    const [start] = (url.split(':~:text=')[1] as string).split(',');
    expect(decodeURIComponent(start as string)).toBe('据报道这款新模😀');
    expect(quoteFragmentUrl('https://a.example/x', `${'𠮷'.repeat(40)}。结尾在这里结束了${'𠮷'}`)).toContain(
      encodeURIComponent(`在这里结束了𠮷`),
    );
    // A lone surrogate a page supplied is written as U+FFFD, not thrown on.
    expect(quoteFragmentUrl('https://a.example/x', 'ab\ud800cd')).toBe('https://a.example/x#:~:text=ab%EF%BF%BDcd');
  });

  it('yields a URL for any text, emoji, rare Han and lone surrogates included, whose terms are text of the quote (property)', () => {
    const unit = fc.oneof(
      fc.constantFrom('中', '文', '。', '😀', '𠮷', '👩‍💻', ' ', '\n', '-', ','),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('\ud800', '\udfff'),
    );
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 90 }), (parts) => {
        const quote = parts.join('');
        const url = quoteFragmentUrl('https://a.example/p', quote);
        if (quote.trim() === '') return;
        const directive = url.split(':~:text=')[1] as string;
        const folded = quote.replace(LONE, '\ufffd').replace(/\s+/g, ' ');
        for (const term of directive.split(',')) expect(folded).toContain(decodeURIComponent(term));
      }),
      { numRuns: 2000 },
    );
  });

  it('ends each quote in the references with its link when the editor asks for it', () => {
    const md = renderDigest({ ...SEED_WEEK, settings: { ...SEED_WEEK.settings, quoteLinks: true } }).markdown;
    expect(md).toMatch(/^ {3}> .+ \[↗\]\(https:\/\/[^)]+#:~:text=[^)]+\)$/m);
    expect(renderDigest(SEED_WEEK).markdown).not.toContain(':~:text=');
  });
});
