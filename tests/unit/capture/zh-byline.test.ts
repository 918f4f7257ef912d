import { describe, expect, it } from 'vitest';
import { extractPageMetadata } from '../../../lib/capture/metadata';
import { finishFields } from '../../../lib/capture/tidy-capture';
import { namesAfter, zhByline, zhDateLine, zhSourceLine } from '../../../lib/capture/zh-byline';
import { zhBylineTexts } from '../../../lib/capture/zh-lines';

// Credits as Chinese pages print them (shapes seen on the Chinese development corpus,
// docs/metadata-accuracy.md); each case failed on the extractor before lib/capture/zh-byline.ts.
describe('zhByline: reporters with their outlet, several names, glued names', () => {
  it.each([
    ['【新春走基层】 光明日报记者 王建宏 张文攀 土豆，听名字就“土”得掉渣。', '王建宏、张文攀'],
    ['新华日报·交汇点记者 徐睿翔', '徐睿翔'],
    ['顶端新闻·河南商报记者马俊峰/文', '马俊峰'],
    ['本报记者罗科苏盈发自北京', '罗科苏盈'],
    ['新京报记者 彭冲 山东冠县报道', '彭冲'],
    ['新华网黑龙江频道 记者 伊琳 李清芬 个人简介：', '伊琳、李清芬'],
    ['据新华社拉萨电（记者 格桑边觉）记者近日从西藏自治区了解到', '格桑边觉'],
    ['□ 本报记者 葛灵丹', '葛灵丹'],
    ['本报实习生 刘国栋 周炜 本报记者 王燕平 方云凤 柏建斌 2003-7-24', '刘国栋、周炜、王燕平、方云凤、柏建斌'],
    ['编辑： 金金 来源： 21世纪经济报道 作者：宋怡 杨志华 我要说说 打印', '宋怡、杨志华'],
    ['执笔人：闵乐夫 赵兰波 刘韬', '闵乐夫、赵兰波、刘韬'],
    ['作者： 芊草凡凡 时间： 2005-08-22 19:13:18', '芊草凡凡'],
    ['作者: zboygirl', 'zboygirl'],
  ])('%s → %s', (line, names) => {
    expect(zhByline([line])).toBe(names);
  });

  it.each([
    ['推动云南工业高质量发展。（记者 胡晓蓉）', '胡晓蓉'],
    ['到头来，一位自甘穷酸的外科医生。 （袁源）', '袁源'],
    ['过一个平安、祥和、温馨、廉洁的新春佳节。（常书香 马丹阳 ）', '常书香、马丹阳'],
    ['“这样的说法没有道理，所有的改革难道不都是利益再分配的过程吗？”（姚峰 上海报道）', '姚峰'],
  ])('a credit in brackets closing the story: %s → %s', (line, names) => {
    expect(zhByline([line])).toBe(names);
  });

  it.each([
    ['孙启勤告诉记者，他仍然在坚持购买彩票。'],
    ['记者致电上海、武汉等地商场人士'],
    ['记者从上海昆剧团获悉'],
    ['新华社记者看河北'],
    ['(新闻)'],
    ['（歌曲说明）'],
    ['会议圆满结束。（完）'],
    ['消息来自新华社。（新华社）'],
    ['（ 责任编辑：魏喆 ）'],
    ['[作者简介] (个人情况保密)'],
    ['正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）'],
  ])('no credit in: %s', (line) => {
    expect(zhByline([line])).toBeUndefined();
  });

  it('reads a credit that goes on over the next line', () => {
    expect(zhByline(['本报实习生 刘国栋 周炜', '本报记者 王燕平 方云凤'])).toBe('刘国栋、周炜、王燕平、方云凤');
  });

  it('takes several names only when each ends where a name ends', () => {
    expect(namesAfter('王建宏 张文攀 土豆，听名字就“土”得掉渣', true)).toEqual(['王建宏', '张文攀']);
    expect(namesAfter('张三，李四）', true)).toEqual(['张三', '李四']);
    expect(namesAfter('致电上海、武汉等地', false)).toEqual([]);
    expect(namesAfter('刘涛 最新动态', true)).toEqual(['刘涛']);
  });
});

describe('zhBylineTexts: where on the page credits are read', () => {
  const page = (body: string) =>
    new DOMParser().parseFromString(
      `<html lang="zh-CN"><head><title>某地新闻_某某网</title></head><body>${body}</body></html>`,
      'text/html',
    );

  it('finds a credit closing the story far below the first paragraphs, and a label whose name is a link', () => {
    const filler = Array.from({ length: 8 }, (_, i) => `<p>第${i}段正文内容，讲述了事情的经过。</p>`).join('');
    const doc = page(`<h1>某地新闻</h1>${filler}<p>推动工业高质量发展。（记者 胡晓蓉）</p>`);
    const url = 'https://news.example.cn/a.html';
    expect(finishFields(extractPageMetadata(doc, url), url).author).toBe('胡晓蓉');
    const linked = page('<h1>某地新闻</h1><table><tr><td>作者：<a href="/u/1">赵婕</a></td></tr></table><p>正文。</p>');
    expect(zhByline(zhBylineTexts(linked))).toBe('赵婕');
  });

  it('joins a label to its name in the next cell, and a bracketed credit to the sentence before it', () => {
    const cells = page(
      '<h1>某地新闻</h1><table><tr><td>作者：</td><td>芊草凡凡</td><td>时间：</td></tr></table><p>正文。</p>',
    );
    expect(zhByline(zhBylineTexts(cells))).toBe('芊草凡凡');
    const closing = page('<h1>某地新闻</h1><p>到头来，一位自甘穷酸的外科医生。</p><p>（袁源）</p>');
    expect(zhByline(zhBylineTexts(closing))).toBe('袁源');
    // Brackets after a menu's words are no credit.
    expect(zhByline(zhBylineTexts(page('<ul><li>新闻中心</li><li>(体育)</li></ul>')))).toBeUndefined();
  });

  it('reads an old portal page as Chinese by its description when its title and headline say nothing', () => {
    const doc = new DOMParser().parseFromString(
      '<html><head><meta name="description" content="千龙网汽车频道"></head><body><p>编辑： 金金 来源： 21世纪经济报道 作者：宋怡 杨志华 我要说说</p></body></html>',
      'text/html',
    );
    const url = 'http://auto.example.com/36/2005/07/18/1.htm';
    expect(finishFields(extractPageMetadata(doc, url), url).author).toBe('宋怡、杨志华');
  });

  it('does not read credits in comments, related stories or links to other stories', () => {
    const doc = page(
      '<h1>某地新闻</h1><p>正文。</p><div class="comment-list"><p>作者：网友甲</p></div><ul class="related"><li>本报记者 王五</li></ul><a href="/b">记者 李四 报道</a>',
    );
    const url = 'https://news.example.cn/a.html';
    expect(finishFields(extractPageMetadata(doc, url), url).author).toBeUndefined();
  });
});

describe('zhDateLine and zhSourceLine: when the story ran and where it came from', () => {
  const page = (body: string) =>
    new DOMParser().parseFromString(
      `<html lang="zh-CN"><head><title>新闻</title></head><body>${body}</body></html>`,
      'text/html',
    );

  it('dates an old portal page by the first date with a time in its text, not a footer’s', () => {
    const doc = page(
      '<table><tr><td>多数夫妻生活有名无实(图)</td></tr><tr><td>2005-04-05 06:40更新 来源：转载文章</td></tr></table><p>正文。</p><div>相关：2005-04-01 10:00</div><footer>2022-01-01 00:00</footer>',
    );
    const url = 'http://cn.news.example.com/050404/346/2al02.html';
    const meta = finishFields(extractPageMetadata(doc, url), url);
    expect(meta.publishedAt).toBe('2005-04-05T06:40');
    expect(meta.origins.publishedAt).toBe('byline');
    // `来源：转载文章` ("a reprinted article") names no outlet.
    expect(meta.reprintOf).toBeUndefined();
    expect(zhDateLine(zhBylineTexts(page('<p>本贴由 大卫 于2005年8月12日16:12:21在〖心灵体操〗发表.</p>')))).toBe(
      '2005-08-12T16:12:21',
    );
  });

  it('reads no date from a date without its time, and no outlet from 转载, 网络 or 本站', () => {
    expect(zhDateLine(zhBylineTexts(page('<p>2003-7-24 钱江晚报</p>')))).toBeUndefined();
    expect(zhSourceLine(['来源：网络'])).toBeUndefined();
    expect(zhSourceLine(['来源：本站原创'])).toBeUndefined();
    expect(zhSourceLine(['来源：澎湃新闻'])).toBe('澎湃新闻');
  });
});
