import { useState } from 'preact/hooks';
import { clippability } from '../lib/capture/clippable';
import { problemOf } from '../lib/errors';
import { accessPatterns } from '../lib/host-patterns';
import { describeProblem } from '../lib/i18n/translate';
import type { TabClipResult } from '../lib/messages';
import type { Section, WindowTab } from '../lib/types';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';

/** What the page gives a batch clip (lib/browser/week-page.ts). */
export interface TabClips {
  listTabs: () => Promise<WindowTab[] | undefined>;
  askSites: (origins: string[]) => Promise<string[] | undefined>;
  releaseSites: (origins: string[]) => Promise<void>;
  clip: (tabId: number, sectionId: string) => Promise<TabClipResult>;
}

type Status = { phase: 'waiting' | 'clipping' } | { phase: 'done'; result: TabClipResult };

interface Props {
  sections: Section[];
  defaultSectionId: string;
  tabClips: TabClips;
}

/**
 * Clip the highlighted tabs (or the whole window) into a section at once: the tabs are listed
 * (the `tabs` permission is asked for at that click and given back), the editor picks, and each
 * tab gets its outcome beside it, with Retry where it failed.
 */
export function BatchClip({ sections, defaultSectionId, tabClips }: Props) {
  const { t } = useLocale();
  const [tabs, setTabs] = useState<WindowTab[] | undefined>();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [statuses, setStatuses] = useState<Map<number, Status>>(new Map());
  const [sectionId, setSectionId] = useState(defaultSectionId);
  const [refused, setRefused] = useState(false);
  // The browser failed to list the tabs (not a refusal): said, so the click is not lost silently.
  const [failed, setFailed] = useState<string | undefined>();
  const [running, setRunning] = useState(false);
  const targets = sections.filter((s) => s.kind !== 'references');

  const list = () => {
    setRefused(false);
    setFailed(undefined);
    void tabClips.listTabs().then(
      (found) => {
        if (!found) return setRefused(true);
        const open = found.filter((tab) => clippability(tab.url).clippable);
        // Tabs the editor highlighted (Ctrl/Shift-click) when there are several; otherwise every page of the window.
        const highlighted = open.filter((tab) => tab.highlighted);
        setChosen(new Set((highlighted.length > 1 ? highlighted : open).map((tab) => tab.id)));
        setTabs(found);
      },
      (error: unknown) => setFailed(t('batchListFailed', { error: describeError(t, error) })),
    );
  };

  const set = (id: number, status: Status) => setStatuses((now) => new Map(now).set(id, status));

  const clip = (ids: number[]) => {
    const picked = (tabs ?? []).filter((tab) => ids.includes(tab.id));
    // Asked for in the click: the sites of the picked tabs, given back when the run ends.
    const access = tabClips.askSites(accessPatterns(picked.map((tab) => tab.url)));
    for (const tab of picked) set(tab.id, { phase: 'waiting' });
    setRunning(true);
    void access
      .then(async (added) => {
        if (!added) {
          setStatuses((now) => new Map([...now].filter(([id]) => !ids.includes(id))));
          return setRefused(true);
        }
        try {
          for (const tab of picked) {
            set(tab.id, { phase: 'clipping' });
            const result = await tabClips
              .clip(tab.id, sectionId)
              .catch((error: unknown): TabClipResult => ({ ok: false, problem: problemOf(error) }));
            set(tab.id, { phase: 'done', result });
          }
        } finally {
          await tabClips.releaseSites(added);
        }
      })
      .finally(() => setRunning(false));
  };

  if (!tabs) {
    return (
      <p class="batch-open">
        <button type="button" class="link-button" onClick={list}>
          {t('batchOpen')}
        </button>
        {refused && <Notice tone="error">{t('batchRefused')}</Notice>}
        {failed && <Notice tone="error">{failed}</Notice>}
      </p>
    );
  }

  const describe = (status: Status | undefined) => {
    if (!status) return '';
    if (status.phase !== 'done') return t(status.phase === 'waiting' ? 'batchWaiting' : 'batchClipping');
    return status.result.ok
      ? t('batchClipped', { section: status.result.sectionName })
      : describeProblem(t, status.result.problem);
  };

  return (
    <section class="batch" aria-label={t('batchTitle')}>
      <h2>{t('batchTitle')}</h2>
      <ul>
        {tabs.map((tab) => {
          const verdict = clippability(tab.url);
          const status = statuses.get(tab.id);
          const failed = status?.phase === 'done' && !status.result.ok;
          return (
            <li
              key={tab.id}
              data-tab-status={status?.phase === 'done' ? (status.result.ok ? 'clipped' : 'failed') : status?.phase}
            >
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(tab.id)}
                  disabled={!verdict.clippable || running}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.currentTarget.checked) next.add(tab.id);
                    else next.delete(tab.id);
                    setChosen(next);
                  }}
                />
                <span class="tab-title">{tab.title || tab.url}</span>
              </label>
              <span
                class={`tab-status${failed ? ' error' : status?.phase === 'done' ? ' ok' : ''}`}
                role={status?.phase === 'done' ? 'status' : undefined}
              >
                {verdict.clippable ? describe(status) : t('batchNotClippable')}
              </span>
              {failed && (
                <button
                  type="button"
                  disabled={running}
                  onClick={() => clip([tab.id])}
                  aria-label={`${t('batchRetry')}: ${tab.title}`}
                >
                  {t('batchRetry')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p class="actions">
        <select aria-label={t('batchSection')} value={sectionId} onChange={(e) => setSectionId(e.currentTarget.value)}>
          {targets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" class="primary" disabled={running || chosen.size === 0} onClick={() => clip([...chosen])}>
          {chosen.size === 1 ? t('batchClipOne') : t('batchClip', { count: chosen.size })}
        </button>
        <button type="button" disabled={running} onClick={() => setTabs(undefined)}>
          {t('batchClose')}
        </button>
      </p>
      {refused && <Notice tone="error">{t('batchRefused')}</Notice>}
    </section>
  );
}
