import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPageMetadata, type PageMetadata } from '../../lib/metadata';

const DIR = join(__dirname, '../fixtures/metadata');

function parse(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(DIR, file), 'utf8'), 'text/html') as unknown as Document;
}

interface Case {
  file: string;
  url: string;
  expected: Partial<PageMetadata>;
  absent?: (keyof PageMetadata)[];
}

// Each page is modelled on a real site family's markup; every field stated must match exactly.
const CASES: Case[] = [
  {
    file: 'zhihu-zhuanlan.html',
    url: 'https://zhuanlan.zhihu.com/p/1999000001?utm_psn=123',
    expected: {
      title: 'Kimi K2.5 开源:长文本与推理的新进展',
      source: '知乎专栏',
      url: 'https://zhuanlan.zhihu.com/p/1999000001',
      author: '张三',
      publishedAt: '2026-01-28T10:12:00Z',
      excerpt: '本文梳理 Kimi K2.5 的开源细节。',
      lang: 'zh',
    },
  },
  {
    file: 'juejin.html',
    url: 'https://juejin.cn/post/7600000000000000001?from=search',
    expected: {
      title: '掘金周报:Qwen 新模型一览',
      source: '掘金',
      url: 'https://juejin.cn/post/7600000000000000001',
      publishedAt: '2026-01-30T08:00:00+08:00',
    },
  },
  {
    file: 'sina-tech.html',
    url: 'https://tech.sina.com.cn/it/2026-01-31/doc-abc.shtml',
    expected: {
      title: 'SpaceX申请发射百万颗卫星构建轨道数据中心',
      source: '新浪科技',
      publishedAt: '2026-01-31T09:30:00+08:00',
    },
  },
  {
    file: '36kr.html',
    url: 'https://36kr.com/p/3000000000000001',
    expected: { title: 'HBM 产能紧张,消费电子承压', source: '36氪' },
  },
  {
    file: 'wechat.html',
    url: 'https://mp.weixin.qq.com/s?__biz=MzI1&mid=2247&idx=1&sn=abcd&chksm=eb12&scene=21&sessionid=1&key=k#rd',
    expected: {
      title: '华为云发布行业 AI 梦工厂智慧医疗专区',
      source: '华为云',
      url: 'https://mp.weixin.qq.com/s?__biz=MzI1&mid=2247&idx=1&sn=abcd',
      publishedAt: '2026-01-30T18:05:00+08:00',
    },
  },
  {
    file: 'arxiv.html',
    url: 'https://arxiv.org/abs/2601.01234',
    expected: {
      title: 'Linear Attention at Scale: A Survey',
      source: 'arXiv.org',
      author: 'Li, Wei, Smith, Jane',
      publishedAt: '2026-01-27',
      url: 'https://arxiv.org/abs/2601.01234v1',
    },
  },
  {
    file: 'github.html',
    url: 'https://github.com/moonshotai/Kimi-K2.5',
    expected: { title: 'moonshotai/Kimi-K2.5: Open weights for Kimi K2.5', source: 'GitHub' },
  },
  {
    file: 'no-metadata.html',
    url: 'https://www.small-blog.example.co.uk/2026/01/post',
    expected: {
      title: 'small-blog.example.co.uk',
      source: 'example.co.uk',
      url: 'https://www.small-blog.example.co.uk/2026/01/post',
    },
    absent: ['author', 'publishedAt', 'excerpt', 'lang'],
  },
  {
    file: 'contradictory.html',
    url: 'https://www.propublica.org/article/dot-gemini-rules',
    expected: {
      title: 'Transportation Department plans to use Gemini to draft rules',
      source: 'ProPublica',
      url: 'https://www.propublica.org/article/dot-gemini-rules',
      author: 'Jesse Coburn',
      publishedAt: '2026-01-27T05:00:00-05:00',
    },
  },
  {
    file: 'hostile-title.html',
    url: 'https://example-times.example/news',
    expected: { title: 'Breaking news: txet desrever 🚀 <script>alert(1)</script>', source: 'The Example Times' },
  },
  {
    file: 'dash-title.html',
    url: 'https://blog.example.com/gpt5-vs-claude',
    expected: { title: 'GPT-5 vs. Claude - a head-to-head test', source: 'example.com' },
  },
  {
    file: 'statescoop.html',
    url: 'https://statescoop.com/nascio-2026-federal-agenda-state-led-ai-policy/',
    expected: {
      title: "NASCIO's 2026 federal agenda: state-led AI policy",
      source: 'StateScoop',
      author: 'Colin Wood',
      url: 'https://statescoop.com/nascio-2026-federal-agenda-state-led-ai-policy/',
      publishedAt: '2026-01-28T17:45:00+00:00',
    },
  },
];

describe('extractPageMetadata on the fixture corpus', () => {
  it.each(CASES)('$file', ({ file, url, expected, absent }) => {
    const metadata = extractPageMetadata(parse(file), url);
    expect(metadata).toMatchObject(expected);
    for (const key of absent ?? []) expect(metadata[key]).toBeUndefined();
  });

  it('lets an editor override the publisher name per domain', () => {
    const metadata = extractPageMetadata(parse('github.html'), 'https://github.com/moonshotai/Kimi-K2.5', {
      publisherOverrides: { 'github.com': 'GitHub 开源' },
    });
    expect(metadata.source).toBe('GitHub 开源');
  });
});
