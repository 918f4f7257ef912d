import { type ExtractOptions, extractPageMetadata } from './metadata';
import { cleanBlock } from './text';
import type { PageCapture } from './types';

/** The selected text of the page, or of a same-origin frame that holds the selection. */
export function selectedText(doc: Document): string {
  const own = doc.defaultView?.getSelection();
  if (own && own.rangeCount > 0 && own.toString().trim()) return own.toString();
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) {
        const text = selectedText(inner);
        if (text) return text;
      }
    } catch {
      // Cross-origin frames are not ours to read.
    }
  }
  return '';
}

/** Everything the clipper reports for a page: its metadata and the selection as a quote. */
export function capturePage(
  doc: Document,
  pageUrl: string,
  selection: string,
  options: ExtractOptions = {},
): PageCapture {
  const metadata = extractPageMetadata(doc, pageUrl, options);
  const capture: PageCapture = { pageUrl, canonicalUrl: metadata.url, title: metadata.title, source: metadata.source };
  if (metadata.author) capture.author = metadata.author;
  if (metadata.publishedAt) capture.publishedAt = metadata.publishedAt;
  if (metadata.excerpt) capture.excerpt = metadata.excerpt;
  if (metadata.lang) capture.lang = metadata.lang;
  const text = cleanBlock(selection);
  if (text) capture.selection = { text };
  return capture;
}
