import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/popup.css';
import { openDatabase } from '../../lib/db';

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsApp db={openDatabase()} newId={() => crypto.randomUUID()} browserLanguage={navigator.language} />,
    root,
  );
}
