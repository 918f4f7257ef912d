import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameStoryItem, titleLikeness, titleTokens } from '../../lib/same-story';
import type { Source, WeekItem } from '../../lib/types';

const item = (id: string, ...titles: string[]): WeekItem =>
  ({
    id,
    weekId: '2026-01-26',
    sectionId: 'briefs',
    order: 'a',
    summary: '',
    note: '',
    tags: [],
    sourceIds: titles.map((_, i) => `${id}-${i}`),
    sources: titles.map(
      (title, i) => ({ id: `${id}-${i}`, title, canonicalUrl: `https://x.example/${id}/${i}` }) as Source,
    ),
    createdAt: 1,
    updatedAt: 1,
  }) as WeekItem;

describe('titleTokens', () => {
  it('splits Chinese into character pairs and other scripts into words, dropping short words and plurals', () => {
    expect(titleTokens('国产大模型')).toEqual(['国产', '产大', '大模', '模型']);
    expect(titleTokens('The cloud providers of 2026')).toEqual(['the', 'cloud', 'provider', '2026']);
    expect(titleTokens('ＡＩ：欧盟法案')).toEqual(['欧盟', '盟法', '法案']);
  });
});

describe('sameStoryItem', () => {
  const week = [
    item('chips', 'Chip maker raises its forecast on AI demand'),
    item('cloud', 'Regulators open inquiry into cloud pricing'),
    item('eu', '欧盟人工智能法案细则公布'),
    item('own'),
  ];

  it('offers the item telling the same story, in English and in Chinese', () => {
    expect(sameStoryItem('Second report on the cloud pricing inquiry', 'https://b.example/1', week)?.id).toBe('cloud');
    expect(sameStoryItem('EU regulators open an inquiry into cloud pricing', 'https://c.example/', week)?.id).toBe(
      'cloud',
    );
    expect(sameStoryItem('欧盟公布人工智能法案细则，企业如何应对', 'https://d.example/', week)?.id).toBe('eu');
  });

  it('offers nothing for another story, or for the page the item already cites', () => {
    expect(sameStoryItem('Robotics startup raises Series B', 'https://e.example/', week)).toBeUndefined();
    expect(sameStoryItem('国产大模型发布新版本', 'https://f.example/', week)).toBeUndefined();
    expect(
      sameStoryItem('Regulators open inquiry into cloud pricing', 'https://x.example/cloud/0', week),
    ).toBeUndefined();
  });

  it('scores a title 1 against itself and never above 1, whatever it says (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const self = titleLikeness(a, a);
        const other = titleLikeness(a, b);
        return (
          (titleTokens(a).length === 0 ? self === 0 : self === 1) &&
          other >= 0 &&
          other <= 1 &&
          other === titleLikeness(b, a)
        );
      }),
    );
  });
});
