import { DB_NAME } from '../store/db';

/**
 * Whatever IndexedDB holds under our database's name, read with the raw API (no schema, no
 * upgrade), as JSON text: the way out when the database cannot be opened normally (an upgrade
 * failed, a newer version wrote it). Every store is read in one read-only transaction.
 */
export function readRawDatabase(name: string = DB_NAME): Promise<string> {
  return new Promise((resolve, reject) => {
    // Without a version, the database opens as it is, whatever version wrote it.
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onupgradeneeded = () => {
      // Nothing was there: do not create an empty database by reading.
      open.transaction?.abort();
    };
    open.onsuccess = () => {
      const db = open.result;
      const names = Array.from(db.objectStoreNames);
      const out: { database: string; version: number; stores: Record<string, unknown[]> } = {
        database: name,
        version: db.version,
        stores: {},
      };
      if (names.length === 0) {
        db.close();
        resolve(JSON.stringify(out));
        return;
      }
      const tx = db.transaction(names, 'readonly');
      for (const store of names) {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => {
          out.stores[store] = request.result;
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(JSON.stringify(out, null, 2));
      };
      tx.onerror = () => {
        db.close();
        reject(tx.error);
      };
    };
  });
}
