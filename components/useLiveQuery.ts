import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A Dexie query kept current: re-runs when any context (popup, background, options) writes
 * to what it read.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): { value: T | undefined; error: unknown } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (next) => {
        setValue(next);
        setError(undefined);
      },
      error: (err: unknown) => setError(err ?? new Error('unknown')),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return { value, error };
}
