import { useEffect, useState } from 'preact/hooks';
import type { StorageState } from '../lib/types';
import { useLocale } from './locale';
import type { LocalMeta } from './store';

function size(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Where the data stands: protected or not, how much is used, when it was last backed up. */
export function StoragePanel({ meta, readStorage }: { meta: LocalMeta; readStorage: () => Promise<StorageState> }) {
  const { t, locale } = useLocale();
  const [state, setState] = useState<StorageState | undefined>();
  useEffect(() => {
    void readStorage().then(setState);
  }, []);
  const when = meta.lastBackupAt
    ? new Date(meta.lastBackupAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', {
        dateStyle: 'medium',
        timeStyle: 'short',
      })
    : undefined;
  return (
    <div class="storage" data-testid="storage-state">
      {state && <p>{state.persisted ? t('storagePersisted') : t('storageNotPersisted')}</p>}
      {state?.usage !== undefined && (
        <p class="hint">{t('storageUsage', { used: size(state.usage), quota: size(state.quota) })}</p>
      )}
      <p>{when ? t('lastBackup', { when }) : t('neverBackedUp')}</p>
    </div>
  );
}
