import type { ComponentChildren } from 'preact';

export type NoticeTone = 'info' | 'success' | 'error';

/** A message the editor must see; errors are announced at once to screen readers. */
export function Notice({ tone, children }: { tone: NoticeTone; children: ComponentChildren }) {
  return (
    <p class={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={`notice-${tone}`}>
      {children}
    </p>
  );
}
