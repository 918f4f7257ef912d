import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads the first time it is shown, keeping views the popup rarely
 * opens (search, trash, the full editor) out of its start-up bundle.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let cached: ComponentType<P> | undefined;
  return function Lazy(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | undefined>(() => cached);
    useEffect(() => {
      if (!Loaded) {
        void load().then((component) => {
          cached = component;
          setLoaded(() => component);
        });
      }
    }, [Loaded]);
    return Loaded ? <Loaded {...props} /> : null;
  };
}
