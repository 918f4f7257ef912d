import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPageMetadata, type PageMetadata } from '../../../lib/capture/metadata';
import { finishFields } from '../../../lib/capture/tidy-capture';
import { cleanUrl } from '../../../lib/capture/url';

const DIR = join(__dirname, '../../fixtures/metadata');

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
      author: 'Wei Li, Jane Smith',
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
  {
    file: 'reuters.html',
    url: 'https://www.reuters.com/technology/microsoft-capex-record-2026-01-28/?utm_source=twitter',
    expected: {
      title: 'Microsoft capex hits record as Azure growth edges past forecasts',
      source: 'Reuters',
      url: 'https://www.reuters.com/technology/microsoft-capex-record-2026-01-28/',
      author: 'Aditya Soni, Deborah Sophia',
      publishedAt: '2026-01-28T21:32:11Z',
      excerpt: "Microsoft's quarterly capital spending hit a record $37.5 billion.",
    },
  },
  {
    file: 'apnews.html',
    url: 'https://apnews.com/article/ai-states-preemption-7f1c2',
    expected: {
      title: 'States push back on federal AI preemption',
      source: 'AP News',
      author: 'Jane Doe and John Roe',
      publishedAt: '2026-01-27T15:04:05Z',
    },
  },
  {
    file: 'nytimes.html',
    url: 'https://www.nytimes.com/2026/01/30/technology/ai-spending-wall-street.html?smid=nytcore-ios-share',
    expected: {
      title: 'The A.I. Spending Boom Meets Wall Street’s Patience',
      source: 'The New York Times',
      url: 'https://www.nytimes.com/2026/01/30/technology/ai-spending-wall-street.html',
      author: 'Karen Weise, Cade Metz',
      publishedAt: '2026-01-30T10:00:08Z',
    },
  },
  {
    file: 'wsj-paywall.html',
    url: 'https://www.wsj.com/tech/memory-chip-shortage-phones-4a1b2c?mod=hp_lead_pos1',
    expected: {
      title: 'Memory Chip Shortage Squeezes Phone Makers',
      source: 'The Wall Street Journal',
      url: 'https://www.wsj.com/tech/memory-chip-shortage-phones-4a1b2c',
      author: 'Asa Fitch',
      publishedAt: '2026-01-29T09:30:00Z',
    },
  },
  {
    file: 'washingtonpost.html',
    url: 'https://www.washingtonpost.com/technology/2026/01/28/state-ai-rules/',
    expected: {
      title: 'How states are writing their own AI rules',
      source: 'Washington Post',
      author: 'Cat Zakrzewski',
      publishedAt: '2026-01-28T06:00:12Z',
    },
  },
  {
    file: 'theverge.html',
    url: 'https://www.theverge.com/news/870001/apple-q-ai-acquisition',
    expected: {
      title: 'Apple is buying Q.ai, a startup that makes AirPods smarter',
      source: 'The Verge',
      author: 'Chris Welch',
      publishedAt: '2026-01-29T14:45:00-05:00',
    },
  },
  {
    file: 'substack.html',
    url: 'https://computeweekly.substack.com/p/the-capex-reckoning?utm_source=substack&utm_medium=email',
    expected: {
      title: 'The capex reckoning',
      source: 'Compute Weekly',
      url: 'https://computeweekly.substack.com/p/the-capex-reckoning',
      author: 'Jane Analyst',
      publishedAt: '2026-01-31T13:02:41+00:00',
    },
  },
  {
    file: 'medium.html',
    url: 'https://medium.com/towards-data-science/distilling-a-70b-model-on-one-node-5e3f',
    expected: {
      title: 'Distilling a 70B model on one node',
      source: 'Medium',
      author: 'Wei Zhang',
      publishedAt: '2026-01-26T08:15:32Z',
    },
  },
  {
    file: 'huggingface.html',
    url: 'https://huggingface.co/moonshotai/Kimi-K2.5',
    expected: {
      title: 'moonshotai/Kimi-K2.5',
      source: 'Hugging Face',
      url: 'https://huggingface.co/moonshotai/Kimi-K2.5',
    },
    absent: ['publishedAt'],
  },
  {
    file: 'hf-blog.html',
    url: 'https://huggingface.co/blog/leaderboard-january',
    expected: { title: 'Open LLM Leaderboard: January update', source: 'Hugging Face', publishedAt: '2026-01-30' },
  },
  {
    file: 'tencent-news.html',
    url: 'https://news.qq.com/rain/a/20260129A01ABC00',
    expected: {
      title: '国产大模型开源潮:Kimi、Qwen 同周发布新版本',
      source: '腾讯新闻',
      publishedAt: '2026-01-29T18:20:00',
    },
  },
  {
    file: 'netease.html',
    url: 'https://www.163.com/tech/article/K1234567000999.html',
    // The info line names the sub-brand (网易科技报道 → 网易科技), which beats the domain's 网易.
    expected: { title: 'HBM 紧缺推高手机成本', source: '网易科技', publishedAt: '2026-01-30T07:42:11+08:00' },
  },
  {
    file: 'csdn.html',
    url: 'https://blog.csdn.net/weixin_123456/article/details/145678901?spm=1001.2014.3001.5502',
    expected: {
      title: '线性注意力原理与实现(附 PyTorch 代码)',
      source: 'CSDN 博客',
      url: 'https://blog.csdn.net/weixin_123456/article/details/145678901',
      author: '算法小白',
      publishedAt: '2026-01-27T21:15:03',
    },
  },
  {
    file: 'vendor-press.html',
    url: 'https://nvidianews.nvidia.com/news/rubin-availability',
    expected: {
      title: 'NVIDIA Announces Rubin Platform Availability',
      source: 'NVIDIA Newsroom',
      publishedAt: '2026-01-27',
    },
  },
  {
    file: 'spa-rendered.html',
    url: 'https://policylab.example.org/guides/agents-regulations',
    expected: {
      title: 'Agents that write regulations: a field guide',
      source: 'Policy Lab',
      author: 'Priya Raman',
      publishedAt: '2026-01-28T12:00:00-08:00',
    },
  },
  {
    file: 'nature.html',
    url: 'https://www.nature.com/articles/s41586-026-00001-x',
    expected: {
      title: 'Scaling laws for memory-bound inference',
      source: 'Nature',
      author: 'Li Chen, Ada Okafor',
      publishedAt: '2026-01-28',
    },
  },
  {
    file: 'openai-blog.html',
    url: 'https://openai.com/index/agent-mode-enterprise/',
    expected: {
      title: 'Introducing agent mode for enterprises',
      source: 'OpenAI',
      publishedAt: '2026-01-29T17:00:00Z',
    },
  },
  {
    file: 'google-blog.html',
    url: 'https://blog.google/products/workspace/gemini-january-2026/',
    expected: {
      title: 'Gemini in Workspace: what’s new this month',
      source: 'Google',
      author: 'Sundar Example',
      publishedAt: '2026-01-27T17:00:00+00:00',
    },
  },
  {
    file: 'techcrunch.html',
    url: 'https://techcrunch.com/2026/01/29/q-ai-apple/',
    expected: {
      title: 'Q.ai’s audio models caught Apple’s ear',
      source: 'TechCrunch',
      url: 'https://techcrunch.com/2026/01/29/q-ai-apple/?guccounter=1',
      author: 'Romain Dillet',
      publishedAt: '2026-01-29T20:11:04+00:00',
    },
  },
  {
    file: 'ithome.html',
    url: 'https://www.ithome.com/0/870/123.htm',
    expected: {
      title: '消息称苹果将以 16 亿美元收购 Q.ai',
      source: 'IT之家',
      author: '清源',
      publishedAt: '2026-01-30T08:12:45',
    },
  },
  {
    file: 'jiqizhixin.html',
    url: 'https://www.jiqizhixin.com/articles/2026-01-28-5',
    expected: {
      title: 'Kimi K2.5 技术报告解读',
      source: '机器之心',
      author: '机器之心编辑部',
      publishedAt: '2026-01-28T11:30:00',
    },
  },
  {
    file: 'qbitai.html',
    url: 'https://www.qbitai.com/2026/01/300001.html',
    expected: {
      title: '榜单大洗牌!国产模型冲进前三',
      source: '量子位',
      author: '梦晨',
      publishedAt: '2026-01-31T10:05:00+08:00',
    },
  },
  {
    file: 'thepaper.html',
    url: 'https://www.thepaper.cn/newsDetail_forward_30000001',
    expected: { title: '美国交通部拟用大模型起草法规,引争议', source: '澎湃新闻', publishedAt: '2026-01-29T16:40:00' },
  },
  {
    file: 'bbc.html',
    url: 'https://www.bbc.com/news/articles/c1234567890o',
    expected: {
      title: 'Satellite firms pitch data centres in orbit',
      source: 'BBC News',
      author: 'Zoe Kleinman',
      publishedAt: '2026-01-31T00:05:12Z',
    },
  },
  {
    file: 'guardian.html',
    url: 'https://www.theguardian.com/technology/2026/jan/30/ai-investors-returns',
    expected: {
      title: 'Investors want AI returns, not promises',
      source: 'the Guardian',
      author: 'Dan Milmo',
      publishedAt: '2026-01-30T14:00:41Z',
    },
  },
  {
    file: 'youtube.html',
    url: 'https://www.youtube.com/watch?v=abc123XYZ&feature=share&si=xyz',
    expected: {
      title: 'Kimi K2.5 explained in 10 minutes',
      source: 'YouTube',
      url: 'https://www.youtube.com/watch?v=abc123XYZ',
      author: 'AI Explained',
      publishedAt: '2026-01-28T09:00:00-08:00',
    },
  },
  {
    file: 'huaweicloud.html',
    url: 'https://www.huaweicloud.com/news/2026/20260130.html',
    expected: { title: '华为云发布行业 AI 梦工厂智慧医疗专区', source: '华为云', publishedAt: '2026-01-30' },
  },
  {
    file: 'ft.html',
    url: 'https://www.ft.com/content/0a1b2c3d-1111-2222-3333-444455556666',
    expected: {
      title: 'Big Tech’s capex bill tops $400bn',
      source: 'Financial Times',
      author: 'Tim Bradshaw',
      publishedAt: '2026-01-31T05:00:22Z',
    },
  },
  {
    file: 'statescoop-jsonld-graph.html',
    url: 'https://statescoop.com/governors-ai-procurement-compact/',
    expected: {
      title: 'Governors sign compact on AI procurement',
      source: 'StateScoop',
      author: 'Keely Quinlan',
      publishedAt: '2026-01-30T19:28:57+00:00',
    },
  },
];

describe('extractPageMetadata on the fixture corpus', () => {
  it.each(CASES)('$file', ({ file, url, expected, absent }) => {
    // As the extension keeps it: credits read, known sites named and tracking parameters dropped outside
    // the page (lib/capture/tidy-capture.ts).
    const metadata = finishFields(extractPageMetadata(parse(file), url), url);
    expect({ ...metadata, url: cleanUrl(metadata.url) }).toMatchObject(expected);
    for (const key of absent ?? []) expect(metadata[key]).toBeUndefined();
  });

  // Its speed is measured in real Chromium by `npm run bench` (happy-dom's selectors are slow).
  it('reads a 5 MB page (metadata at the top, a huge body) correctly', () => {
    const body = '<p>Filler paragraph with <a href="/x">a link</a> and some words to read.</p>'.repeat(70_000);
    const html = `<!doctype html><html lang="en"><head><title>Huge page | Example Wire</title><meta property="og:site_name" content="Example Wire"><meta property="article:published_time" content="2026-01-29T10:00:00Z"></head><body><article>${body}</article></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const metadata = extractPageMetadata(doc, 'https://wire.example/huge');
    expect(metadata).toMatchObject({ title: 'Huge page', source: 'Example Wire', publishedAt: '2026-01-29T10:00:00Z' });
  }, 60_000);

  it('has at least 40 pages in the corpus (41 files plus the generated 5 MB page)', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('lets an editor override the publisher name per domain', () => {
    const metadata = extractPageMetadata(parse('github.html'), 'https://github.com/moonshotai/Kimi-K2.5', {
      publisherOverrides: { 'github.com': 'GitHub 开源' },
    });
    expect(metadata.source).toBe('GitHub 开源');
  });
});
