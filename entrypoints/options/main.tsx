import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/popup.css';
import { downloadText } from '../../lib/browser/downloads';
import { readRawDatabase } from '../../lib/browser/raw-export';
import { requestPersistence, storageState } from '../../lib/browser/storage';
import { teamActions } from '../../lib/browser/team-page';
import { deviceStatus, hasApiKey, loadWritingSettings, saveWritingSettings } from '../../lib/browser/writing-help';
import { parseBackup } from '../../lib/store/backup-read';
import { applyRestore } from '../../lib/store/backup-restore';
import { createBackup, createBackupBlob } from '../../lib/store/backup-write';
import { openDatabase } from '../../lib/store/db';
import { searchItems } from '../../lib/store/search';
import { signIn } from '../../lib/sync/couch';
import { syncRound } from '../../lib/sync/round';
import { civilDate } from '../../lib/week';

const root = document.getElementById('app');
// Options → Writing help (lib/browser/writing-help.ts). Save asks for the endpoint's origin in the click:
// the module is loaded up front so nothing is awaited before the request.
const writingActions = {
  load: async () => ({ settings: await loadWritingSettings(), hasKey: await hasApiKey() }),
  save: saveWritingSettings,
  deviceStatus,
};
const db = openDatabase(undefined, navigator.language);
void requestPersistence();
if (root) {
  render(
    <OptionsApp
      db={db}
      newId={() => crypto.randomUUID()}
      browserLanguage={navigator.language}
      today={() => civilDate(Date.now())}
      now={() => Date.now()}
      saveFile={downloadText}
      readStorage={storageState}
      readRaw={readRawDatabase}
      team={teamActions()}
      writing={writingActions}
    />,
    root,
  );
}
// The benchmark times these in the real browser; the production build drops this line.
if (import.meta.env.MODE === 'e2e') {
  Object.assign(globalThis, {
    digestClipperTest: {
      db,
      openDatabase,
      createBackup,
      createBackupBlob,
      parseBackup,
      applyRestore,
      searchItems,
      signIn,
      syncRound,
    },
  });
}
