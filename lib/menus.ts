import type { Translate } from './i18n/keys';
import { draftSectionName } from './section-name';
import type { DigestLanguage, Section } from './types';

/** Context-menu ids: one item per section under "Clip to", and "Clip page" without a selection. */
export const CLIP_TO_PARENT = 'clip-to';
export const CLIP_PAGE = 'clip-page';
/** The `commands` entry (manifest) for clipping without the popup. */
export const QUICK_CLIP_COMMAND = 'quick-clip';
const SECTION_PREFIX = 'clip-to:';

export interface MenuItem {
  id: string;
  title: string;
  contexts: ['selection' | 'page'];
  parentId?: string;
}

export function menuItems(sections: readonly Section[], t: Translate, language: DigestLanguage = 'zh'): MenuItem[] {
  return [
    { id: CLIP_TO_PARENT, title: t('menuClipTo'), contexts: ['selection'] },
    ...[...sections]
      .sort((a, b) => a.order - b.order)
      .map((s) => ({
        id: `${SECTION_PREFIX}${s.id}`,
        title: draftSectionName(s, language),
        contexts: ['selection'] as ['selection'],
        parentId: CLIP_TO_PARENT,
      })),
    { id: CLIP_PAGE, title: t('menuClipPage'), contexts: ['page'] },
  ];
}

/** The section a clicked item clips to; `null` for "Clip page" (the default section); undefined if not ours. */
export function sectionOfMenuItem(menuItemId: string | number): string | null | undefined {
  const id = String(menuItemId);
  if (id === CLIP_PAGE) return null;
  if (id.startsWith(SECTION_PREFIX) && id.length > SECTION_PREFIX.length) return id.slice(SECTION_PREFIX.length);
  return undefined;
}
