import { useState } from 'preact/hooks';
import { describeError, useLocale } from './locale';
import { Notice } from './Notice';

interface Props {
  error: unknown;
  today: () => string;
  saveFile: (filename: string, content: string | Blob, mimeType: string) => Promise<string>;
  readRaw: () => Promise<string>;
}

/** What the options page shows when the database cannot be opened: why, and a way to take the data out. */
export function DatabaseTrouble({ error, today, saveFile, readRaw }: Props) {
  const { t } = useLocale();
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const download = async () => {
    try {
      const saved = await saveFile(`digest-clipper-raw-${today()}.json`, await readRaw(), 'application/json');
      setResult({ tone: 'success', text: t('backupSaved', { file: saved }) });
    } catch (err) {
      setResult({ tone: 'error', text: describeError(t, err) });
    }
  };
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <Notice tone="error">{t('databaseTrouble', { error: describeError(t, error) })}</Notice>
      <p class="hint">{t('rawDownloadHint')}</p>
      <button type="button" class="primary" onClick={() => void download()}>
        {t('rawDownload')}
      </button>
      {result && <Notice tone={result.tone}>{result.text}</Notice>}
    </main>
  );
}
