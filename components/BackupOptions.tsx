import type { DigestSettings, StorageState } from '../lib/types';
import { BackupPanel } from './BackupPanel';
import { useLocale } from './locale';
import { OptionsSection, type SaveSettings } from './option-fields';
import { StoragePanel } from './StoragePanel';
import type { ClipperDb, LocalMeta } from './store';

export interface BackupOptionsProps {
  db: ClipperDb;
  settings: DigestSettings;
  meta: LocalMeta;
  save: SaveSettings;
  today: () => string;
  now: () => number;
  saveFile: (filename: string, content: string | Blob, mimeType: string) => Promise<string>;
  readStorage: () => Promise<StorageState>;
  onRestored?: () => void;
}

/** Backup, restore, where the data stands and the backup reminder. */
export function BackupOptions(props: BackupOptionsProps) {
  const { t } = useLocale();
  return (
    <OptionsSection id="backup" title={t('backupHeading')}>
      <BackupPanel
        db={props.db}
        today={props.today}
        now={props.now}
        saveFile={props.saveFile}
        onRestored={props.onRestored}
      />
      <h3>{t('storageHeading')}</h3>
      <StoragePanel meta={props.meta} readStorage={props.readStorage} />
      <label>
        <span>{t('reminderDays')}</span>
        <input
          name="backupReminderDays"
          type="number"
          min={0}
          max={365}
          value={props.settings.backupReminderDays}
          onChange={(e) =>
            void props.save({
              backupReminderDays: Math.max(0, Math.min(365, Math.round(Number(e.currentTarget.value) || 0))),
            })
          }
        />
      </label>
    </OptionsSection>
  );
}
