/** Query parameters that only track a visit; removing them never changes the page. */
const TRACKING_EXACT = new Set([
  'spm',
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'share_token',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ref_src',
  'ref_url',
  'cmpid',
  'ocid',
  'smid',
  'sr_share',
  'xtor',
  'ncid',
  'sessionid',
  'pass_ticket',
]);
const TRACKING_PREFIX = ['utm_', 'pk_', 'mtm_', 'hmsr', 'hmpl', 'hmcu', 'hmkw', 'hmci'];

/**
 * Per-host extras. WeChat article links carry the session and sharing context in the query;
 * only __biz, mid, idx and sn identify the article.
 */
const TRACKING_ON_HOST: Record<string, ReadonlySet<string>> = {
  'mp.weixin.qq.com': new Set([
    'chksm',
    'scene',
    'subscene',
    'key',
    'ascene',
    'devicetype',
    'version',
    'nettype',
    'lang',
    'exportkey',
    'wx_header',
    'clicktime',
    'enterid',
    'from',
    'isappinstalled',
    'sharer_sharetime',
    'sharer_shareid',
    'srcid',
    'mpshare',
    'sessionid',
    'pass_ticket',
  ]),
  'www.youtube.com': new Set(['feature', 'si', 'pp']),
  'youtu.be': new Set(['si', 'feature']),
};

/**
 * What Substack adds to a post's link in its e-mails and redirects, on its own domains and on a
 * publication's custom domain alike: the link names the post without them (`r` is the reader's
 * referral code, removed only beside the others: elsewhere `r` can mean anything).
 */
const SUBSTACK = new Set(['publication_id', 'post_id', 'isfreemail', 'triedredirect']);

function isTracking(name: string, host: string, substack: boolean): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_ON_HOST[host]?.has(lower)) return true;
  if (substack && (SUBSTACK.has(lower) || lower === 'r' || lower === 'token')) return true;
  return TRACKING_EXACT.has(lower) || TRACKING_PREFIX.some((p) => lower.startsWith(p));
}

/**
 * Sites that send a reader to another page through an address of their own (`link.zhihu.com/?target=…`):
 * the parameter that holds the destination, and the path where they do it.
 */
const REDIRECTS: Record<string, { param: string; path?: RegExp }> = {
  'link.zhihu.com': { param: 'target' },
  'link.juejin.cn': { param: 'target' },
  'link.csdn.net': { param: 'target' },
  'gitee.com': { param: 'target', path: /^\/link$/ },
  'www.jianshu.com': { param: 'url', path: /^\/go-wild$/ },
  'www.douban.com': { param: 'url', path: /^\/link2\/?$/ },
  'www.oschina.net': { param: 'url', path: /^\/action\/GoToLink$/ },
  'weibo.cn': { param: 'u', path: /^\/sinaurl$/ },
  'www.google.com': { param: 'q', path: /^\/url$/ },
  'google.com': { param: 'q', path: /^\/url$/ },
  'www.youtube.com': { param: 'q', path: /^\/redirect$/ },
  'l.facebook.com': { param: 'u', path: /^\/l\.php$/ },
  'lm.facebook.com': { param: 'u', path: /^\/l\.php$/ },
  'out.reddit.com': { param: 'url' },
  'slack-redir.net': { param: 'url', path: /^\/link$/ },
};

/** The destination of a redirect link (`google.com/url?q=…`), or undefined when `url` is not one. */
function redirectTarget(url: URL): string | undefined {
  const rule = REDIRECTS[url.hostname.toLowerCase()];
  if (!rule || (rule.path && !rule.path.test(url.pathname))) return undefined;
  // Google's own links name it `url` as often as `q`.
  const target = url.searchParams.get(rule.param) ?? (rule.param === 'q' ? url.searchParams.get('url') : null);
  return target && /^https?:\/\//i.test(target) ? target : undefined;
}

/** The page a redirect link leads to (through a few redirects at most); any other address as it is. */
export function unwrapRedirect(raw: string): string {
  let current = raw;
  for (let hop = 0; hop < 3; hop++) {
    let url: URL;
    try {
      url = new URL(current.trim());
    } catch {
      return current;
    }
    const target = redirectTarget(url);
    if (!target) return current;
    current = target;
  }
  return current;
}

/** The URL without tracking parameters and fragment; unparseable input comes back trimmed. */
export function cleanUrl(raw: string): string {
  let url: URL;
  try {
    // A redirect link stands for its destination.
    url = new URL(unwrapRedirect(raw.trim()).trim());
  } catch {
    return raw.trim();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return url.href;
  // One pass: deleting parameters one by one re-serializes the query each time (quadratic; a link
  // with 16,000 parameters took 27 s).
  const params = [...url.searchParams];
  const substack = params.some(([name]) => SUBSTACK.has(name.toLowerCase()));
  const kept = params.filter(([name]) => !isTracking(name, url.hostname, substack));
  if (kept.length !== params.length) url.search = new URLSearchParams(kept).toString();
  // WeChat article links are identified by their query; a fragment like #rd is noise.
  url.hash = '';
  if ([...url.searchParams.keys()].length === 0) url.search = '';
  return url.href;
}

/** The registrable part of a host, good enough to name a site when the page does not. */
export function registrableDomain(host: string): string {
  // An address is its own site: the last two numbers of 127.0.0.1 name nothing.
  if (host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.toLowerCase();
  const parts = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  if (parts.length <= 2) return parts.join('.');
  const secondLevel = parts[parts.length - 2] as string;
  const takesThree =
    ['com', 'net', 'org', 'gov', 'edu', 'co', 'ac'].includes(secondLevel) &&
    (parts[parts.length - 1] as string).length === 2;
  return parts.slice(takesThree ? -3 : -2).join('.');
}

/** Labels that name the same site's other editions: `www.`, mobile and AMP hosts. */
const EDITION = /^(www|m|amp|mobile|wap)\./;

/**
 * Whether a page may name another address as its canonical one: the same host, or the same host
 * but for one edition label (`m.example.com` → `www.example.com`, `amp.` → the site). Deliberately
 * stricter than "same registrable domain": sibling hosts on a shared domain (`evil.github.io` and
 * `victim.github.io`, buckets under `s3.amazonaws.com`, blogs on `blogspot.com`) belong to different
 * people, and telling which domains are shared needs the Public Suffix List, which the clipper does not
 * carry (its size budget). A canonical refused here is not lost: the page's own address is used.
 */
export function canonicalAllowed(candidate: string, pageUrl: string): boolean {
  try {
    const canonical = new URL(candidate);
    const page = new URL(pageUrl);
    const a = canonical.hostname.toLowerCase();
    const b = page.hostname.toLowerCase();
    if (a !== b && a.replace(EDITION, '') !== b.replace(EDITION, '')) return false;
    // On a site of many authors, each at a path of their own, a page may name only its own author's page.
    return !PER_AUTHOR.has(b.replace(EDITION, '')) || firstSegment(canonical) === firstSegment(page);
  } catch {
    return false;
  }
}

/** Sites where the first part of the path is a person's (`dev.to/<user>/…`, `medium.com/@user/…`). */
const PER_AUTHOR = new Set(['dev.to', 'medium.com', 'github.com', 'gist.github.com', 'x.com', 'twitter.com']);
const firstSegment = (url: URL) => url.pathname.split('/')[1]?.toLowerCase() ?? '';
