import { browser } from 'wxt/browser';

/**
 * Downloads text under a file name. A data: URL, because an MV3 service worker has no
 * URL.createObjectURL; base64 of the UTF-8 bytes keeps Chinese text intact.
 */
export async function downloadText(filename: string, text: string, mimeType: string): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  const url = `data:${mimeType};charset=utf-8;base64,${btoa(binary)}`;
  await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
}
