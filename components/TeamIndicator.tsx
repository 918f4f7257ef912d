import type { Translate } from '../lib/i18n/keys';
import type { TeamStatus } from '../lib/types';
import { useLocale } from './locale';

/** The team sync state in a word or two, in the UI's language. */
export function teamStateWord(t: Translate, status: TeamStatus): string {
  switch (status.state) {
    case 'off':
      return t('teamOff');
    case 'syncing':
      return t('teamSyncing');
    case 'offline':
      return status.pending > 0 ? t('teamOfflineWaiting', { count: status.pending }) : t('teamOffline');
    case 'signed-out':
      return t('teamSignIn');
    case 'error':
      return t('teamTrouble');
    default:
      return status.pending > 0 ? t('teamWaiting', { count: status.pending }) : t('teamSynced');
  }
}

/**
 * The popup's and side panel's word on team sync: synced, n waiting, offline, sign in again, sync trouble;
 * and how many conflicts this week holds for the editor to choose. A click opens the options (Team).
 */
export function TeamIndicator(props: { status: TeamStatus; conflicts: number; onOpen: () => void }) {
  const { t } = useLocale();
  const word = teamStateWord(t, props.status);
  const tone =
    props.status.state === 'synced' && props.status.pending === 0 && props.conflicts === 0 ? 'ok' : 'attention';
  return (
    <button
      type="button"
      class={`team-indicator team-indicator--${tone}`}
      data-testid="team-indicator"
      data-state={props.status.state}
      title={t('teamIndicatorTitle', { state: word })}
      onClick={props.onOpen}
    >
      {word}
      {props.conflicts > 0 && <> · {t('teamConflicts', { count: props.conflicts })}</>}
    </button>
  );
}
