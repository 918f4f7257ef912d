// How `npm run eval:metadata` turns a saved page's bytes into text (docs/metadata-accuracy.md).
import { pageEncoding } from '../lib/digest/page-checks';

/** The page's text: UTF-8 when the bytes are valid UTF-8, else the charset its <meta> declares. */
export function decode(bytes: Buffer): string {
  // A file that is valid UTF-8 is UTF-8, whatever its <meta> says: the tools that saved these pages
  // re-encoded some of them (Readability's qq page declares gb2312); text in a legacy encoding such as
  // GBK is practically never valid UTF-8 by chance.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the page's declared encoding below.
  }
  // A saved file has no header: what its <meta> declares, read as the quote check reads a live page.
  return new TextDecoder(pageEncoding('', bytes)).decode(bytes);
}
