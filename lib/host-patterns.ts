// What to ask the browser for when a feature must read other sites (link checks, batch clips):
// pure, so the components that ask compute it in the click without loading the checking code.

/**
 * Host patterns to ask for: each linked host over http and https (a site moving to https is an
 * ordinary redirect), and its subdomains when the host is a name (`www.` and `accounts.` hops).
 */
export function accessPatterns(urls: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const url of urls) {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      continue;
    }
    // A host with a wildcard (`https://*/` written in a note) would ask for every site: never asked for.
    if (host === '' || host.includes('*')) continue;
    patterns.add(`*://${host}/*`);
    const isName = /[a-z]/i.test(host.replace(/^\[.*\]$/, '')) && !host.startsWith('[');
    const base = host.replace(/^www\./, '');
    if (isName && base.includes('.')) {
      patterns.add(`*://*.${base}/*`);
      patterns.add(`*://${base}/*`);
    }
  }
  return [...patterns];
}
