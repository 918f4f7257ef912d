import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { DigestLanguage } from '../lib/types';
import type { WritingHelp } from '../lib/writing/draft';

/**
 * The writing help a week page was given (lib/browser/writing-help.ts through entrypoints/): loaded the
 * first time a form asks, undefined when the editor has not turned it on (then nothing of it shows).
 */
export interface WritingAccess {
  load: () => Promise<WritingHelp | undefined>;
  /** The digest's language: drafts are written in it. */
  language: DigestLanguage;
}

export const WritingContext = createContext<WritingAccess | undefined>(undefined);

/** The writing help for a form, once loaded; undefined while loading, when off, or when the page has none. */
export function useWritingHelp(): { help: WritingHelp; language: DigestLanguage } | undefined {
  const access = useContext(WritingContext);
  const [help, setHelp] = useState<WritingHelp>();
  useEffect(() => {
    let live = true;
    void access
      ?.load()
      .then((loaded) => live && setHelp(loaded))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [access]);
  return help && access ? { help, language: access.language } : undefined;
}
