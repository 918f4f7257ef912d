// How `npm run eval:metadata` turns a saved page's bytes into text (docs/metadata-accuracy.md).

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
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  try {
    return new TextDecoder(declared && declared !== 'utf8' ? declared : 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
