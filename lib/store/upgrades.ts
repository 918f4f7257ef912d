import type { EntityTable, Transaction } from 'dexie';
import type { DigestSettings, Item, LegacyClip, Section, Source } from '../types';
import { DEFAULT_SETTINGS } from './defaults';
import { itemsFromClips, withEnglishNames } from './legacy-clips';
import { itemTerms, legacyClipTerms } from './search-terms';
import { indexTerms, type TermRow } from './term-index';

/**
 * The steps that bring a database written by an older version up to date, one per version that
 * moves data (lib/store/db.ts declares the versions and loads this module only when one is needed).
 * Each runs inside the upgrade transaction and is tested on a database of the version before
 * (tests/integration/store/db.test.ts, tests/e2e/upgrade.test.ts).
 */

/** Version 2: search keys for every clip. */
export function toV2(tx: Transaction): Promise<unknown> {
  return tx
    .table<LegacyClip>('clips')
    .toCollection()
    .modify((clip) => {
      clip.terms = legacyClipTerms(clip);
    });
}

/** Version 5: every item's search keys into the new search index. */
export async function toV5(tx: Transaction): Promise<void> {
  const items = await tx.table<Item>('items').toArray();
  await indexTerms(
    tx.table('postings') as EntityTable<TermRow, 'key'>,
    items.map((item) => ({ id: item.id, after: item.terms ?? [] })),
    undefined,
    // The store was created by this very upgrade: nothing to read before writing.
    true,
  );
}

/** Version 6: every item's search keys derived again by the current rules, and the index brought in line. */
export async function toV6(tx: Transaction): Promise<void> {
  const items = await tx.table<Item>('items').toArray();
  const sources = new Map((await tx.table<Source>('sources').toArray()).map((s) => [s.id, s]));
  const changes = items.map((item) => ({
    id: item.id,
    before: item.terms ?? [],
    // Fields an old or odd record lacks count as empty: one such record never stops the upgrade.
    after: itemTerms(
      { summary: item.summary ?? '', note: item.note ?? '', tags: item.tags ?? [] },
      (item.sourceIds ?? []).flatMap((id) => {
        const source = sources.get(id);
        return source ? [{ title: source.title ?? '', source: source.source ?? '', quotes: source.quotes ?? [] }] : [];
      }),
    ),
  }));
  await tx.table<Item>('items').bulkPut(items.map((item, i) => ({ ...item, terms: changes[i]?.after ?? [] })));
  await indexTerms(tx.table('postings') as EntityTable<TermRow, 'key'>, changes);
}

/** Version 3: clips become sources and items; sections get English names. */
export async function toV3(tx: Transaction): Promise<void> {
  const clips = await tx.table<LegacyClip>('clips').toArray();
  const { sources, items } = itemsFromClips(clips);
  const byId = new Map(sources.map((s) => [s.id, s]));
  await tx.table<Source>('sources').bulkAdd(sources);
  await tx.table<Item>('items').bulkAdd(
    items.map((item) => ({
      ...item,
      terms: itemTerms(
        item,
        item.sourceIds.map((id) => byId.get(id) as Source),
      ),
    })),
  );
  await tx
    .table<Section>('sections')
    .toCollection()
    .modify((section) => {
      Object.assign(section, withEnglishNames(section));
    });
  await tx
    .table<{ key: string; value: unknown }>('settings')
    .where('key')
    .equals('digest')
    .modify((row) => {
      const value = row.value as DigestSettings;
      if (value.digestNameEn === undefined) value.digestNameEn = DEFAULT_SETTINGS.digestNameEn;
    });
}
