import { browser } from 'wxt/browser';

function dataUrl(text: string, mimeType: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return `data:${mimeType};charset=utf-8;base64,${btoa(binary)}`;
}

/**
 * The name the browser saved under (`draft (1).md` when `draft.md` existed), once the file is whole: the
 * page that made the blob URL stays busy until then (Firefox's background page is an event page, and a
 * blob URL dies with it); the name asked for if the browser does not say within a minute.
 */
async function savedName(id: number, asked: string): Promise<string> {
  let name = asked;
  for (let attempt = 0; attempt < 600; attempt++) {
    const [item] = await browser.downloads.search({ id });
    if (item?.filename) name = item.filename.split(/[\\/]/).pop() || asked;
    if (item?.state === 'complete' || item?.state === 'interrupted') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return name;
}

/**
 * Downloads text (or a Blob of UTF-8 text, as a large backup is written) under a file name and
 * returns the name it was saved under. Extension pages hand the browser a blob URL; the MV3
 * service worker has no URL.createObjectURL, so there it is a data: URL (base64 of the UTF-8
 * bytes, which keeps Chinese text intact).
 */
export async function downloadText(
  filename: string,
  content: string | Blob,
  mimeType: string,
  saveAs = false,
  replace = false,
): Promise<string> {
  const canBlob = typeof URL.createObjectURL === 'function';
  const url = canBlob
    ? URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }))
    : dataUrl(typeof content === 'string' ? content : await content.text(), mimeType);
  try {
    // A week's draft exported again replaces the last one (no `… (1).md`); backups are kept side by side.
    const conflictAction = replace ? 'overwrite' : 'uniquify';
    const id = await browser.downloads.download({ url, filename, saveAs, conflictAction });
    return await savedName(id, filename);
  } finally {
    // The download has its own copy once started; a minute covers slow disks.
    if (canBlob) setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
