import { type Node, Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGEST_LABELS } from '../../../lib/digest/labels';
import { digestToMarkdown } from '../../../lib/digest/markdown-writer';
import type { Block, DigestDoc, Inline } from '../../../lib/digest/model';
import { parseNote } from '../../../lib/digest/note-markdown';

/** A draft of these blocks (the reading-time line is written first). */
function markdownOfBlocks(body: Block[]): string {
  const doc: DigestDoc = {
    title: 't',
    slug: 's',
    category: 'c',
    date: '2026-02-01',
    tags: [],
    labels: DIGEST_LABELS.en,
    head: [],
    body,
    templateErrors: [],
  };
  return digestToMarkdown(doc, false);
}

const markdownOf = (content: Inline[]) => markdownOfBlocks([{ kind: 'paragraph', content }]);

interface Styled {
  char: string;
  emph: boolean;
  strong: boolean;
}

/** What a CommonMark renderer shows for the draft's last paragraph: each character with its style. */
function shown(markdown: string): Styled[] {
  const root = new Parser().parse(markdown);
  const paragraph: Node | null = root.lastChild;
  if (paragraph?.type !== 'paragraph' || !paragraph) throw new Error(`no paragraph in ${markdown}`);
  const out: Styled[] = [];
  let emph = 0;
  let strong = 0;
  const walker = paragraph.walker();
  for (let e = walker.next(); e; e = walker.next()) {
    const { node, entering } = e;
    if (node.type === 'emph') emph += entering ? 1 : -1;
    else if (node.type === 'strong') strong += entering ? 1 : -1;
    else if (entering && (node.type === 'text' || node.type === 'code'))
      for (const char of node.literal ?? '') out.push({ char, emph: emph > 0, strong: strong > 0 });
    else if (entering && (node.type === 'softbreak' || node.type === 'linebreak'))
      out.push({ char: ' ', emph: emph > 0, strong: strong > 0 });
  }
  return out;
}

/** What the model says a reader sees: the same, from the runs (whitespace folded as HTML does). */
function meant(content: readonly Inline[], emph = false, strong = false, out: Styled[] = []): Styled[] {
  for (const run of content) {
    if (run.kind === 'emphasis') meant(run.content, emph || !run.strong, strong || run.strong, out);
    else if (run.kind === 'break') out.push({ char: ' ', emph, strong });
    else for (const char of run.text) out.push({ char, emph, strong });
  }
  return out;
}

const fold = (styled: Styled[]) =>
  styled
    .map((s) => s.char)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

const LETTER = /[\p{L}\p{N}]/u;

const word = fc.constantFrom(
  'the',
  'claim',
  'Cost',
  'GPT-5',
  'OpenAI',
  '发布',
  '加粗',
  '模型',
  '2026',
  '$37.5',
  'billion',
  'it’s',
);
const punct = fc.constantFrom(':', '.', ',', '：', '。', '，', '“', '”', '(', ')', '!', '?', '*', '_', '#', '-');
const space = fc.constantFrom(' ', '  ', '\t', '');
const textRun = fc
  .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 2, arbitrary: punct }, { weight: 2, arbitrary: space }), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts): Inline => ({ kind: 'text', text: parts.join('') }));
const linkRun = fc
  .tuple(word, fc.constantFrom('https://example.com/a', 'https://x.io/b_(c)'))
  .map(([text, url]): Inline => ({ kind: 'link', text, url }));
const codeRun = word.map((text): Inline => ({ kind: 'code', text }));
const emphasisRun = fc
  .tuple(fc.boolean(), fc.array(fc.oneof({ weight: 3, arbitrary: textRun }, linkRun), { minLength: 1, maxLength: 3 }))
  .map(([strong, content]): Inline => ({ kind: 'emphasis', strong, content: [...content] }));
const paragraphRuns = fc.array(
  fc.oneof({ weight: 4, arbitrary: textRun }, { weight: 2, arbitrary: emphasisRun }, linkRun, codeRun),
  { minLength: 1, maxLength: 8 },
);

describe('digestToMarkdown: spacing around inline formatting', () => {
  it('keeps the spaces around emphasis, strong, links and code (the English newsletter’s lines)', () => {
    const cases: [string, string][] = [
      ['this week of *The Weekly Gradient*.', 'this week of *The Weekly Gradient*.'],
      ['**Cost:** the claim', '**Cost:** the claim'],
      ['wait for [results](https://example.com/r) before', 'wait for [results](https://example.com/r) before'],
      ['- a *list* item', '- a *list* item'],
      ['中文 **加粗** 和 `code` 后', '中文 **加粗** 和 `code` 后'],
      ['中文**加粗**和', '中文**加粗**和'],
    ];
    for (const [note, expected] of cases) {
      const md = markdownOfBlocks(parseNote(note, 1));
      expect(md.trimEnd().split('\n').pop()).toBe(expected);
    }
  });

  it('moves punctuation out of the markers where CommonMark would print them (**重点：**后面)', () => {
    const content: Inline[] = [
      { kind: 'emphasis', strong: true, content: [{ kind: 'text', text: '重点：' }] },
      { kind: 'text', text: '后面' },
    ];
    const md = markdownOf(content);
    expect(md.trimEnd().split('\n').pop()).toBe('**重点**：后面');
    const styled = shown(md);
    expect(fold(styled)).toBe('重点：后面');
    expect(styled.filter((s) => s.strong).map((s) => s.char)).toEqual(['重', '点']);
  });

  it('writes `!` before a link as text, not as an image', () => {
    const md = markdownOf([
      { kind: 'text', text: 'Wow!' },
      { kind: 'link', text: 'the story', url: 'https://example.com/s' },
    ]);
    expect(md.trimEnd().split('\n').pop()).toBe('Wow\\![the story](https://example.com/s)');
  });

  it('puts the markers inside a link at the edge of emphasis next to a letter (看**[链接](…)**和)', () => {
    const content: Inline[] = [
      { kind: 'text', text: '看' },
      { kind: 'emphasis', strong: true, content: [{ kind: 'link', text: '链接', url: 'https://example.com/l' }] },
      { kind: 'text', text: '和' },
    ];
    expect(markdownOf(content).trimEnd().split('\n').pop()).toBe('看[**链接**](https://example.com/l)和');
  });

  it('lets emphasis around nothing part nothing: two code spans around it read as one (found by the property below)', () => {
    const content: Inline[] = [
      { kind: 'code', text: 'the' },
      { kind: 'emphasis', strong: false, content: [{ kind: 'text', text: '' }] },
      { kind: 'code', text: 'the' },
      { kind: 'emphasis', strong: false, content: [{ kind: 'text', text: 'the' }] },
    ];
    expect(fold(shown(markdownOf(content)))).toBe('thethethe');
  });

  it('reads back in a CommonMark renderer as the preview shows it, Latin and Han mixed (property)', () => {
    fc.assert(
      fc.property(paragraphRuns, (content) => {
        // Bold right after italics (or the other way round) with nothing between cannot be written
        // in CommonMark (`*a***b**`); the writer writes the second plain (the test above).
        const runs = content.filter((r) => r.kind !== 'text' || r.text !== '');
        fc.pre(
          !runs.some(
            (r, i) =>
              r.kind === 'emphasis' &&
              runs[i + 1]?.kind === 'emphasis' &&
              (runs[i + 1] as typeof r).strong !== r.strong,
          ),
        );
        const want = meant(content);
        // A paragraph of blanks is no paragraph (notes never make one).
        fc.pre(fold(want) !== '');
        const md = markdownOf(content);
        const got = shown(md);
        // Every character, spaces included (folded as HTML folds them), no literal markers.
        expect(fold(got)).toBe(fold(want));
        // Every letter the editor emphasised is emphasised, and only those.
        const letters = (styled: Styled[]) =>
          styled.filter((s) => LETTER.test(s.char)).map((s) => `${s.char}${s.emph ? 'i' : ''}${s.strong ? 'b' : ''}`);
        expect(letters(got)).toEqual(letters(want));
      }),
      // 1,000 runs take about 0.1 s here (30,000 in 2 s); well inside Vitest's 5 s on a busy machine.
      { numRuns: Number(process.env.SPACING_RUNS ?? 1000) },
    );
  });
});
