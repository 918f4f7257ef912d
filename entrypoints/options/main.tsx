import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/popup.css';
import { applyRestore, createBackup, parseBackup } from '../../lib/backup';
import { downloadText } from '../../lib/browser/downloads';
import { requestPersistence } from '../../lib/browser/storage';
import { openDatabase } from '../../lib/db';
import { searchClips } from '../../lib/search';
import { civilDate } from '../../lib/week';

const root = document.getElementById('app');
const db = openDatabase();
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
    />,
    root,
  );
}
// The benchmark times these in the real browser; the production build drops this line.
if (import.meta.env.MODE === 'e2e') {
  Object.assign(globalThis, {
    digestClipperTest: { db, openDatabase, createBackup, parseBackup, applyRestore, searchClips },
  });
}
