import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ItemEditor } from '../../../components/ItemEditor';
import { LocaleContext } from '../../../components/locale';
import { WritingContext } from '../../../components/writing-context';
import { EN_MESSAGES } from '../../../lib/i18n/en';
import { translator } from '../../../lib/i18n/translate';
import { type ClipperDb, openDatabase } from '../../../lib/store/db';
import { saveClip } from '../../../lib/store/item-writes';
import type { WeekItem } from '../../../lib/types';
import type { DraftRequest, WritingHelp } from '../../../lib/writing/draft';

/**
 * The full editor's writing help with a stand-in engine (the endpoint and the browser's model have their
 * own tests): key points for a deep dive's note from the cited page's quotes, marked until accepted,
 * saved with the mark; a translation of the summary; nothing offered when the help is off.
 */
const t = translator(EN_MESSAGES);
let db: ClipperDb;
afterEach(() => {
  render(null, document.body);
  db?.close();
});
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

function standIn(answers: Record<string, string>) {
  const asked: DraftRequest[] = [];
  const help: WritingHelp = {
    engine: 'endpoint',
    draft: async (request) => {
      asked.push(request);
      const text = answers[request.task] ?? '';
      request.onText(text.slice(0, 3));
      await tick(5);
      request.onText(text);
      return { text, cut: false, stopped: false, engine: 'endpoint' };
    },
  };
  return { help, asked };
}

async function open(item: WeekItem, help: WritingHelp | undefined) {
  let closed = () => {};
  const done = new Promise<void>((resolve) => {
    closed = resolve;
  });
  render(
    <LocaleContext.Provider value={{ locale: 'en', t }}>
      <WritingContext.Provider value={{ load: async () => help, language: 'zh' }}>
        <ItemEditor
          db={db}
          item={item}
          tags={[]}
          now={() => 5_000}
          onClose={() => closed()}
          onMovedWeek={() => {}}
          sectionKind="analysis"
        />
      </WritingContext.Provider>
    </LocaleContext.Provider>,
    document.body,
  );
  await tick();
  // Wrapped: an async function returning a promise would wait for it.
  return { closed: done };
}

async function deepDive(): Promise<WeekItem> {
  db = openDatabase(`editor-writing-${Math.random()}`);
  const { item } = await saveClip(
    db,
    {
      pageUrl: 'https://a.example/x',
      canonicalUrl: 'https://a.example/x',
      title: 'Chip export rules',
      source: 'Reuters',
      selection: { text: 'The rules cover 140 companies.' },
      sectionId: 'analysis',
    },
    { now: 1_000, weekId: '2026-01-26', newId: () => crypto.randomUUID(), defaultSectionId: 'briefs' },
  );
  return item as WeekItem;
}

const button = (name: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent === name) as HTMLButtonElement | undefined;
const field = (name: string) => document.querySelector<HTMLTextAreaElement>(`[name="${name}"]`) as HTMLTextAreaElement;

describe('the full editor’s writing help', () => {
  it('drafts a deep dive’s key points from the cited page, marked until accepted, and saves the mark', async () => {
    const item = await deepDive();
    const { help, asked } = standIn({ keyPoints: '- 覆盖 140 家公司\n- 即日生效' });
    const { closed } = await open(item, help);
    button('Draft key points')?.click();
    await tick(50);
    expect(field('note').value).toBe('- 覆盖 140 家公司\n- 即日生效');
    expect(asked[0]).toMatchObject({
      task: 'keyPoints',
      language: 'zh',
      shape: 'markdown',
      material: { title: 'Chip export rules', source: 'Reuters', quotes: ['The rules cover 140 companies.'] },
    });
    expect(document.querySelector('.note-field .drafted-badge')?.textContent).toBe('Drafted');
    (document.querySelector('form') as HTMLFormElement).requestSubmit();
    await closed;
    expect((await db.items.get(item.id))?.drafted).toEqual(['- 覆盖 140 家公司\n- 即日生效']);
  });

  it('ends the mark when the editor accepts with Ctrl+Enter, and translates the summary', async () => {
    const item = await deepDive();
    const { help } = standIn({ keyPoints: '- a point', translate: '出口管制新规。' });
    const { closed } = await open({ ...item, summary: 'New export rules.' }, help);
    button('Draft key points')?.click();
    await tick(50);
    field('note').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await tick();
    expect(document.querySelector('.note-field .drafted-badge')).toBeNull();
    const [translateSummary] = [...document.querySelectorAll('button')].filter((b) => b.textContent === 'Translate');
    translateSummary?.click();
    await tick(50);
    expect(field('summary').value).toBe('出口管制新规。');
    // Ctrl+Z: the English summary is back.
    field('summary').dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await tick();
    expect(field('summary').value).toBe('New export rules.');
    (document.querySelector('form') as HTMLFormElement).requestSubmit();
    await closed;
    const stored = await db.items.get(item.id);
    expect(stored?.note).toBe('- a point');
    expect(stored?.drafted).toBeUndefined();
  });

  it('offers nothing when the writing help is off', async () => {
    const item = await deepDive();
    await open(item, undefined);
    await tick(30);
    expect(button('Draft key points')).toBeUndefined();
    expect(button('Draft summary')).toBeUndefined();
  });
});
