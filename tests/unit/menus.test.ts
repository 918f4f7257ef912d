import { describe, expect, it } from 'vitest';
import { translator } from '../../lib/i18n/translate';
import { menuItems } from '../../lib/menus';
import { DEFAULT_SECTIONS } from '../../lib/store/defaults';

describe('menuItems', () => {
  const t = translator({ menuClipTo: 'Clip to', menuClipPage: 'Clip page' });

  it('names each section as the draft does: English names for an English digest', () => {
    const titles = (language: 'zh' | 'en') =>
      menuItems(DEFAULT_SECTIONS, t, language)
        .filter((m) => m.parentId)
        .map((m) => m.title);
    expect(titles('en')).toEqual(['This Week in Brief', 'Deep Dives', 'Industry Thoughts', 'References and Excerpts']);
    expect(titles('zh')).toEqual(['本周要闻速览', '深度解析', '行业思考', '参考资料与本地摘录']);
  });
});
