/**
 * Display names of publishers by host. Looked up by the page's host, then by each parent
 * domain, so `www.reuters.com` and `reuters.com` both resolve. Editors' own overrides
 * (options page) win over this map.
 */
export const PUBLISHERS: Readonly<Record<string, string>> = {
  'reuters.com': 'Reuters',
  'apnews.com': 'AP News',
  'afp.com': 'AFP',
  'bloomberg.com': 'Bloomberg',
  'ft.com': 'Financial Times',
  'wsj.com': 'The Wall Street Journal',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'theguardian.com': 'The Guardian',
  'bbc.com': 'BBC',
  'bbc.co.uk': 'BBC',
  'cnbc.com': 'CNBC',
  'cnn.com': 'CNN',
  'axios.com': 'Axios',
  'economist.com': 'The Economist',
  'theverge.com': 'The Verge',
  'techcrunch.com': 'TechCrunch',
  'wired.com': 'WIRED',
  'arstechnica.com': 'Ars Technica',
  'theinformation.com': 'The Information',
  'technologyreview.com': 'MIT Technology Review',
  'venturebeat.com': 'VentureBeat',
  'engadget.com': 'Engadget',
  'zdnet.com': 'ZDNET',
  'semafor.com': 'Semafor',
  'propublica.org': 'ProPublica',
  'statescoop.com': 'StateScoop',
  'fedscoop.com': 'FedScoop',
  'govtech.com': 'Government Technology',
  'nature.com': 'Nature',
  'science.org': 'Science',
  'arxiv.org': 'arXiv',
  'github.com': 'GitHub',
  'news.ycombinator.com': 'Hacker News',
  'huggingface.co': 'Hugging Face',
  'medium.com': 'Medium',
  'substack.com': 'Substack',
  'openai.com': 'OpenAI',
  'anthropic.com': 'Anthropic',
  'deepmind.google': 'Google DeepMind',
  'blog.google': 'Google',
  'ai.meta.com': 'Meta AI',
  'microsoft.com': 'Microsoft',
  'blogs.nvidia.com': 'NVIDIA',
  'nvidia.com': 'NVIDIA',
  'apple.com': 'Apple',
  'mistral.ai': 'Mistral AI',
  'x.com': 'X',
  'twitter.com': 'X',
  'youtube.com': 'YouTube',
  'zhuanlan.zhihu.com': '知乎专栏',
  'zhihu.com': '知乎',
  'juejin.cn': '掘金',
  'tech.sina.com.cn': '新浪科技',
  'finance.sina.com.cn': '新浪财经',
  'sina.com.cn': '新浪',
  'sina.cn': '新浪',
  '36kr.com': '36氪',
  'huaweicloud.com': '华为云',
  'news.qq.com': '腾讯新闻',
  'new.qq.com': '腾讯新闻',
  'qq.com': '腾讯网',
  'mp.weixin.qq.com': '微信公众号',
  '163.com': '网易',
  'tech.163.com': '网易科技',
  'csdn.net': 'CSDN',
  'blog.csdn.net': 'CSDN 博客',
  'ithome.com': 'IT之家',
  'jiqizhixin.com': '机器之心',
  'qbitai.com': '量子位',
  'infoq.cn': 'InfoQ',
  'thepaper.cn': '澎湃新闻',
  'caixin.com': '财新',
  'yicai.com': '第一财经',
  'jiemian.com': '界面新闻',
  'huxiu.com': '虎嗅',
  'geekpark.net': '极客公园',
  'ifanr.com': '爱范儿',
  'xinhuanet.com': '新华网',
  'news.cn': '新华网',
  'people.com.cn': '人民网',
  'scmp.com': 'South China Morning Post',
  'caixinglobal.com': 'Caixin Global',
  'sspai.com': '少数派',
  'bilibili.com': '哔哩哔哩',
  'weibo.com': '微博',
  'aliyun.com': '阿里云',
  'cloud.tencent.com': '腾讯云',
  'baidu.com': '百度',
  'modelscope.cn': '魔搭社区',
};

/** The name a map gives a host or, failing that, its nearest parent domain. */
export function lookupByDomain(host: string, names: Readonly<Record<string, string>>): string | undefined {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const name = names[labels.slice(i).join('.')];
    if (name) return name;
  }
  return undefined;
}

export function publisherFor(host: string): string | undefined {
  return lookupByDomain(host, PUBLISHERS);
}

/** The editor's own name for a page's publisher, applied after the clipper has read the page. */
export function withPublisherOverride<T extends { pageUrl: string; source: string }>(
  capture: T,
  overrides: Readonly<Record<string, string>>,
): T {
  let host: string;
  try {
    host = new URL(capture.pageUrl).hostname;
  } catch {
    return capture;
  }
  const name = lookupByDomain(host, overrides);
  return name ? { ...capture, source: name } : capture;
}
