import { RECORD_LIMITS } from '../record-rules';
import type { PageCapture } from '../types';
import { cleanUrl } from './url';

/**
 * What the extension does to a capture once it has left the page: the canonical address loses its
 * tracking parameters and fragment, and one longer than a stored link may be (lib/record-rules.ts)
 * gives way to the page's own address. Done here rather than in the injected clipper so that the
 * tracking tables do not count against its size budget (docs/performance.md).
 */
export function tidyCapture(capture: PageCapture): PageCapture {
  const canonical = cleanUrl(capture.canonicalUrl);
  const page = cleanUrl(capture.pageUrl);
  const canonicalUrl = canonical.length > RECORD_LIMITS.url && page.length <= RECORD_LIMITS.url ? page : canonical;
  return canonicalUrl === capture.canonicalUrl ? capture : { ...capture, canonicalUrl };
}
