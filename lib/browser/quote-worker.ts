import { findQuote } from '../digest/page-checks';

/**
 * The link check's quote matching, off the popup's thread (lib/browser/page-access.ts starts one
 * per page and ends it at the page's time limit): a huge page never freezes the week.
 */
self.onmessage = (event: MessageEvent<{ quotes: string[]; text: string; deadline: number }>) => {
  const { quotes, text, deadline } = event.data;
  self.postMessage(quotes.map((quote) => findQuote(quote, text, deadline)));
};
