import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../../lib/digest/markdown-writer';
import { quoteFragmentUrl } from '../../../lib/digest/text-fragment';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';

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

  it('ends each quote in the references with its link when the editor asks for it', () => {
    const md = renderDigest({ ...SEED_WEEK, settings: { ...SEED_WEEK.settings, quoteLinks: true } }).markdown;
    expect(md).toMatch(/^ {3}> .+ \[↗\]\(https:\/\/[^)]+#:~:text=[^)]+\)$/m);
    expect(renderDigest(SEED_WEEK).markdown).not.toContain(':~:text=');
  });
});
