import type { DigestLanguage, Section } from './types';

/**
 * The name a section goes by in the draft's language: an English digest uses the English name
 * (the Chinese one when it has none). The week's pages and the menus show the same name, so an
 * editor sees the section the draft will print.
 */
export function draftSectionName(section: Pick<Section, 'name' | 'nameEn'>, language: DigestLanguage): string {
  return language === 'en' ? section.nameEn || section.name : section.name;
}
