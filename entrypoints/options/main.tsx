import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/popup.css';
import { downloadText } from '../../lib/browser/downloads';
import { openDatabase } from '../../lib/db';
import { civilDate } from '../../lib/week';

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsApp
      db={openDatabase()}
      newId={() => crypto.randomUUID()}
      browserLanguage={navigator.language}
      today={() => civilDate(Date.now())}
      saveFile={downloadText}
    />,
    root,
  );
}
