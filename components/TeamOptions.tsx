import { useState } from 'preact/hooks';
import type { Translate } from '../lib/i18n/keys';
import { describeProblem } from '../lib/i18n/translate';
import type { TeamStatus } from '../lib/types';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';
import { OptionsSection } from './option-fields';
import { teamStateWord } from './TeamIndicator';

/** What the options page can ask of team sync (lib/browser/team-page.ts): each runs in the click. */
export interface TeamActions {
  connect: (fields: { url: string; db: string; user: string; password: string }) => Promise<TeamStatus>;
  disconnect: () => Promise<TeamStatus>;
  syncNow: () => Promise<TeamStatus>;
}

/**
 * Options → Team: connect to a team database (server, database, user, password), then see the state, the
 * last sync, what waits to be sent and the last problem with its time; sync now, or disconnect.
 */
export function TeamOptions({ status, actions }: { status: TeamStatus; actions: TeamActions }) {
  const { t, locale } = useLocale();
  const connection = status.connection;
  const [fields, setFields] = useState({
    url: connection?.url ?? '',
    db: connection?.db ?? '',
    user: connection?.user ?? '',
    password: '',
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: (tr: Translate) => string }>();
  const when = (at: number) =>
    new Date(at).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', { dateStyle: 'medium', timeStyle: 'medium' });
  const run = (action: () => Promise<unknown>, done?: (tr: Translate) => string) => {
    setBusy(true);
    setMessage(undefined);
    action()
      .then(
        () => done && setMessage({ tone: 'success', text: done }),
        (error: unknown) => setMessage({ tone: 'error', text: (tr) => describeError(tr, error) }),
      )
      .finally(() => setBusy(false));
  };
  const signedOut = status.state === 'signed-out';
  const showForm = !connection || signedOut;
  const field = (name: 'url' | 'db' | 'user' | 'password', label: string, type = 'text', hint?: string) => (
    <label>
      <span>{label}</span>
      <input
        name={`team-${name}`}
        type={type}
        value={fields[name]}
        required
        autocomplete={name === 'password' ? 'current-password' : name === 'user' ? 'username' : 'off'}
        placeholder={name === 'url' ? 'https://couch.example.org' : undefined}
        onInput={(e) => setFields({ ...fields, [name]: e.currentTarget.value })}
      />
      {hint && <small>{hint}</small>}
    </label>
  );
  return (
    <OptionsSection id="team" title={t('teamHeading')} hint={t('teamHint')} fields={false}>
      {message && <Notice tone={message.tone}>{message.text(t)}</Notice>}
      {connection && (
        <div class="team-state" data-testid="team-state" data-state={status.state}>
          <p>{t('teamConnected', { db: connection.db, url: connection.url, user: connection.user })}</p>
          <p>{t('teamStateLine', { state: teamStateWord(t, status) })}</p>
          <p>{status.lastSyncAt ? t('teamLastSync', { when: when(status.lastSyncAt) }) : t('teamNeverSynced')}</p>
          <p>{t('teamPending', { count: status.pending })}</p>
          {status.lastError && status.state !== 'synced' && !signedOut && (
            <p class="hint" data-testid="team-error">
              {t('teamLastError', {
                when: when(status.lastError.at),
                problem: describeProblem(t, status.lastError),
              })}
            </p>
          )}
          {status.skipped && status.skipped.length > 0 && (
            <details>
              <summary>{t('teamSkipped', { count: status.skipped.length })}</summary>
              <ul>
                {status.skipped.map((s) => (
                  <li key={s.id}>
                    <code>{s.path ?? s.id}</code>: {describeProblem(t, s)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {signedOut && <Notice tone="error">{t('teamSignInAgain')}</Notice>}
          <p class="actions">
            <button type="button" disabled={busy} onClick={() => run(actions.syncNow)}>
              {t('teamSyncNow')}
            </button>{' '}
            <button
              type="button"
              disabled={busy}
              onClick={() => run(actions.disconnect, (tr) => tr('teamDisconnected'))}
            >
              {t('teamDisconnect')}
            </button>
          </p>
          <p class="hint">{t('teamDisconnectHint')}</p>
        </div>
      )}
      {showForm && (
        <form
          class="fields team-form"
          onSubmit={(e) => {
            e.preventDefault();
            // Asked in the click itself: the browser grants access to the server only there.
            run(() => actions.connect(fields).then(() => setFields({ ...fields, password: '' })));
          }}
        >
          {field('url', t('teamServer'), 'url')}
          {field('db', t('teamDatabase'))}
          {field('user', t('teamUser'))}
          {field('password', t('teamPassword'), 'password', t('teamPasswordHint'))}
          <button type="submit" disabled={busy}>
            {busy ? t('teamConnecting') : signedOut ? t('teamSignInButton') : t('teamConnect')}
          </button>
        </form>
      )}
    </OptionsSection>
  );
}
