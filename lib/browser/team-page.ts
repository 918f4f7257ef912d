import { ClipInputError } from '../errors';
import { serverAddress, serverOrigin } from '../sync/couch';
import type { TeamStatus } from '../types';
import { askServerAccess } from './host-access';
import { sendRequest } from './messaging';

/**
 * What the options page asks of team sync. Connect asks for the server's origin in the click (the one
 * permission it needs, given back at Disconnect), then the background signs in and syncs.
 */
export function teamActions() {
  return {
    connect(fields: { url: string; db: string; user: string; password: string }): Promise<TeamStatus> {
      let origin: string;
      try {
        origin = serverOrigin(serverAddress(fields.url));
      } catch (error) {
        return Promise.reject(error);
      }
      const granted = askServerAccess(origin);
      return granted.then((ok) => {
        if (!ok) throw new ClipInputError('sync.no-access', { url: fields.url.trim() });
        return sendRequest({ type: 'teamConnect', ...fields });
      });
    },
    disconnect: () => sendRequest({ type: 'teamDisconnect' }),
    syncNow: () => sendRequest({ type: 'teamSyncNow', full: false }),
    syncAll: () => sendRequest({ type: 'teamSyncNow', full: true }),
  };
}
