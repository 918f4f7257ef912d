import { browser } from 'wxt/browser';

function dataUrl(text: string, mimeType: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return `data:${mimeType};charset=utf-8;base64,${btoa(binary)}`;
}

/**
 * Downloads text under a file name. Extension pages hand the browser a blob URL; the MV3
 * service worker has no URL.createObjectURL, so there it is a data: URL (base64 of the UTF-8
 * bytes, which keeps Chinese text intact).
 */
export async function downloadText(filename: string, text: string, mimeType: string, saveAs = false): Promise<void> {
  const canBlob = typeof URL.createObjectURL === 'function';
  const url = canBlob
    ? URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }))
    : dataUrl(text, mimeType);
  try {
    await browser.downloads.download({ url, filename, saveAs, conflictAction: 'uniquify' });
  } finally {
    // The download has its own copy once started; a minute covers slow disks.
    if (canBlob) setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
