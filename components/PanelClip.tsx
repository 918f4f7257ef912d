import { useState } from 'preact/hooks';
import { accessPatterns } from '../lib/host-patterns';
import type { CaptureResult } from '../lib/messages';
import type { WindowTab } from '../lib/types';
import { CapturePanel, type CapturePanelProps } from './CapturePanel';
import { useLocale } from './locale';
import { Notice } from './Notice';

/** What the side panel needs from the browser to clip the tab beside it. */
export interface PanelTabAccess {
  /** The tab beside the panel with its address; `tabs` is asked in the click and given back at once. */
  readTab: () => Promise<WindowTab | undefined>;
  /** Asks for the tab's site; resolves to what was added (to give back), undefined when refused. */
  askSites: (patterns: string[]) => Promise<string[] | undefined>;
  releaseSites: (patterns: string[]) => Promise<void>;
  /** Reads the page (the injected clipper, through the background). */
  capture: (tabId: number) => Promise<CaptureResult>;
}

type State =
  | { phase: 'idle' }
  | { phase: 'reading' }
  | { phase: 'refused' }
  /** The site is still to be asked for on a click of its own (the browser wants one per request). */
  | { phase: 'ask-site'; tab: WindowTab; host: string }
  | { phase: 'form'; result: CaptureResult; key: number };

/**
 * *Clip this tab* in the side panel: the same form as the popup's, for the tab beside the panel. The
 * panel gets no access to pages by itself: the tab's address (`tabs`) and its site are asked for at
 * this click, and given back as soon as the page is read; saving needs neither.
 */
export function PanelClip(props: Omit<CapturePanelProps, 'capture'> & { access: PanelTabAccess }) {
  const { t } = useLocale();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const { access, ...form } = props;

  const read = async (tab: WindowTab, asked: Promise<string[] | undefined>) => {
    let added: string[] | undefined;
    try {
      added = await asked;
    } catch {
      // The browser took the request as made outside a click (the first question took a while).
      const host = new URL(tab.url).hostname;
      setState({ phase: 'ask-site', tab, host });
      return;
    }
    if (!added) return setState({ phase: 'refused' });
    try {
      const result = await access.capture(tab.id);
      setState({ phase: 'form', result, key: Date.now() });
    } finally {
      await access.releaseSites(added);
    }
  };

  const start = () => {
    setState({ phase: 'reading' });
    void access.readTab().then((tab) => {
      if (!tab) return setState({ phase: 'refused' });
      // A page of the browser's own (or no page) is not asked for: the form says why and offers hand entry.
      const patterns = /^https?:/i.test(tab.url) ? accessPatterns([tab.url]) : [];
      return read(tab, patterns.length > 0 ? access.askSites(patterns) : Promise.resolve([]));
    });
  };

  if (state.phase === 'form')
    return (
      <div class="panel-clip">
        <CapturePanel key={state.key} {...form} capture={() => Promise.resolve(state.result)} />
        <button type="button" class="link-button" onClick={() => setState({ phase: 'idle' })}>
          {t('panelClipClose')}
        </button>
      </div>
    );
  return (
    <div class="panel-clip">
      {state.phase === 'ask-site' ? (
        <button
          type="button"
          class="primary"
          onClick={() => {
            const tab = state.tab;
            setState({ phase: 'reading' });
            void read(tab, access.askSites(accessPatterns([tab.url])));
          }}
        >
          {t('panelClipAllow', { host: state.host })}
        </button>
      ) : (
        <button type="button" class="primary" onClick={start} disabled={state.phase === 'reading'}>
          {state.phase === 'reading' ? t('readingPage') : t('panelClip')}
        </button>
      )}
      {state.phase === 'refused' && <Notice tone="error">{t('panelClipRefused')}</Notice>}
      <p class="hint">{t('panelHint')}</p>
    </div>
  );
}
