import { describe, expect, it } from 'vitest';
import { type Grant, giveBackLeases, holdLease, LEASE_PORT } from '../../../lib/browser/access-lease';

/** Two ends of a runtime port, as the browser pairs them: a message or a disconnect on one reaches the other. */
function portPair(name: string) {
  const listeners = { message: [] as ((m: unknown) => void)[], disconnect: [] as (() => void)[] };
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    for (const l of listeners.disconnect) l();
  };
  const background = {
    name,
    postMessage: () => undefined,
    disconnect: close,
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.message.push(l) },
    onDisconnect: { addListener: (l: () => void) => listeners.disconnect.push(l) },
  };
  const page = {
    name,
    postMessage: (m: unknown) => {
      for (const l of listeners.message) l(structuredClone(m));
    },
    disconnect: close,
    onMessage: { addListener: () => undefined },
    onDisconnect: { addListener: () => undefined },
  };
  return { page, background, close };
}

describe('access leases', () => {
  const setUp = () => {
    const removed: Grant[] = [];
    let onConnect: ((port: ReturnType<typeof portPair>['background']) => void) | undefined;
    giveBackLeases({ addListener: (l) => (onConnect = l) }, async (grant) => removed.push(grant));
    const pairs: ReturnType<typeof portPair>[] = [];
    const connect = (name: string) => {
      const pair = portPair(name);
      pairs.push(pair);
      onConnect?.(pair.background);
      return pair.page;
    };
    return { removed, pairs, connect };
  };

  it('gives the grant back when the page closes in the middle of its run', () => {
    const { removed, pairs, connect } = setUp();
    holdLease({ origins: ['*://news.example/*'] }, connect);
    expect(removed).toEqual([]);
    // The popup loses focus and closes: the browser closes its ports.
    pairs[0]?.close();
    expect(removed).toEqual([{ origins: ['*://news.example/*'] }]);
  });

  it('gives back tabs the same way, and each run’s own grant only', () => {
    const { removed, pairs, connect } = setUp();
    const endTabs = holdLease({ permissions: ['tabs'] }, connect);
    holdLease({ origins: ['*://a.example/*'] }, connect);
    endTabs();
    expect(removed).toEqual([{ permissions: ['tabs'] }]);
    pairs[1]?.close();
    expect(removed).toEqual([{ permissions: ['tabs'] }, { origins: ['*://a.example/*'] }]);
  });

  it('ignores other ports and what is not a grant', () => {
    const { removed, connect } = setUp();
    connect('something-else').disconnect();
    const odd = connect(LEASE_PORT);
    odd.postMessage({ origins: [1, null], permissions: 'tabs' });
    odd.disconnect();
    expect(removed).toEqual([]);
  });

  it('keeps a run going when there is no background to hold its lease', () => {
    const end = holdLease({ origins: ['*://a.example/*'] }, () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(end()).toBeUndefined();
  });
});
