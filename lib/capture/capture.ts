import { validLang } from '../record-rules';
import { cleanBlock, cleanLine } from '../text';
import type { PageCapture } from '../types';
import { type ExtractOptions, extractPageMetadata } from './metadata';
import { fragmentToMarkdown } from './selection-markdown';

export interface SelectedContent {
  text: string;
  markdown?: string;
}

/** The page's selection, or that of a same-origin frame holding it, as text and Markdown. */
export function selectedContent(doc: Document): SelectedContent {
  const own = doc.defaultView?.getSelection();
  if (own && own.rangeCount > 0 && own.toString().trim()) {
    const fragment = doc.createDocumentFragment();
    for (let i = 0; i < own.rangeCount; i++) fragment.append(own.getRangeAt(i).cloneContents());
    const markdown = fragmentToMarkdown(fragment, doc.baseURI);
    return { text: own.toString(), markdown };
  }
  for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
    try {
      const inner = (frame as HTMLIFrameElement).contentDocument;
      if (inner) {
        const found = selectedContent(inner);
        if (found.text) return found;
      }
    } catch {
      // Cross-origin frames are not ours to read.
    }
  }
  return { text: '' };
}

/** How much of an article's opening the writing help drafts from (lib/writing/prompts.ts). */
export const LEAD_CHARS = 1_200;

/**
 * The article's first paragraphs, for a draft of its summary in the capture form: paragraphs of the
 * article (else the main part, else the page) long enough to be text, not a caption or a button.
 */
export function leadOf(doc: Document): string | undefined {
  const scope = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  let lead = '';
  for (const p of Array.from(scope?.querySelectorAll('p') ?? [])) {
    const line = cleanLine(p.textContent, LEAD_CHARS);
    if (line.length >= 60 || /[\u3400-\u9fff]{20}/.test(line)) lead += `${line}\n`;
    if (lead.length >= LEAD_CHARS) break;
  }
  return lead.slice(0, LEAD_CHARS).trim() || undefined;
}

/** Everything the clipper reports for a page: its metadata and the selection as a quote. */
export function capturePage(
  doc: Document,
  pageUrl: string,
  selection: SelectedContent,
  options: ExtractOptions = {},
): PageCapture {
  // The browser's PDF viewer: a page with no text, title or data of its own. The background names it
  // from the tab (the PDF's title or file name), marked for a check.
  if (doc.contentType === 'application/pdf')
    return { pageUrl, canonicalUrl: pageUrl, title: '', source: '', origins: { title: 'pdf' } };
  const metadata = extractPageMetadata(doc, pageUrl, options);
  // The canonical address as the page gives it: tidyCapture (lib/capture/tidy-capture.ts) cleans it
  // and holds it to the stored limit outside the page.
  const capture: PageCapture = {
    pageUrl,
    canonicalUrl: metadata.url,
    title: metadata.title,
    source: metadata.source,
    origins: metadata.origins,
  };
  if (metadata.author) capture.author = metadata.author;
  if (metadata.publishedAt) capture.publishedAt = metadata.publishedAt;
  if (metadata.excerpt) capture.excerpt = metadata.excerpt;
  if (metadata.credits) capture.credits = metadata.credits;
  if (metadata.pageTitle) capture.pageTitle = metadata.pageTitle;
  if (metadata.logoAlt) capture.logoAlt = metadata.logoAlt;
  const lead = leadOf(doc);
  if (lead) capture.lead = lead;
  const lang = validLang(metadata.lang);
  if (lang) capture.lang = lang;
  const text = cleanBlock(selection.text);
  if (text) {
    capture.selection = { text };
    // Markdown only when it says more than the text (links, emphasis, code).
    const markdown = selection.markdown ? cleanBlock(selection.markdown) : '';
    if (markdown && markdown !== text) capture.selection.markdown = markdown;
  }
  return capture;
}
