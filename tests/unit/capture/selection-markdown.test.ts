import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture';
import { fragmentToMarkdown } from '../../../lib/capture/selection-markdown';

function fragment(html: string): Node {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('fragmentToMarkdown', () => {
  it('keeps links, emphasis, code and paragraph breaks', () => {
    const md = fragmentToMarkdown(
      fragment(
        '<p>Read <a href="/paper?id=1">the <em>paper</em></a> and <strong>run</strong> <code>npm test</code>.</p><p>Second <i>para</i>.</p>',
      ),
      'https://example.com/post/',
    );
    expect(md).toBe('Read [the *paper*](https://example.com/paper?id=1) and **run** `npm test`.\n\nSecond *para*.');
  });

  it('keeps blanks at the edges of emphasis and links outside the markers, and encodes parentheses in links', () => {
    const md = fragmentToMarkdown(
      fragment(
        '<p>of<em> The Weekly </em>Gradient and<a href="https://en.wikipedia.org/wiki/A_(b)"> a link </a>now</p>',
      ),
      'https://example.com/',
    );
    expect(md).toBe('of *The Weekly* Gradient and [a link](https://en.wikipedia.org/wiki/A_%28b%29) now');
  });

  it('drops scripts, styles and javascript: links, and escapes Markdown in text', () => {
    const md = fragmentToMarkdown(
      fragment(
        '<p>a *star* [b]<script>alert(1)</script><style>p{}</style> <a href="javascript:alert(1)">click</a></p>',
      ),
      'https://example.com/',
    );
    expect(md).toBe('a \\*star\\* \\[b\\] click');
  });

  it('writes lists, headings and preformatted code as blocks', () => {
    const md = fragmentToMarkdown(
      fragment('<h2>Title</h2><ul><li>one</li><li>two</li></ul><pre>x = 1\ny = 2</pre>'),
      'https://e.com/',
    );
    expect(md).toBe('## Title\n\n- one\n\n- two\n\n```\nx = 1\ny = 2\n```');
  });
});

describe('capturePage', () => {
  it('reports metadata and the selection, with Markdown only when it adds something', () => {
    const doc = new DOMParser().parseFromString(
      '<html lang="en"><head><title>Post | Blog</title><meta property="og:site_name" content="Blog"></head><body></body></html>',
      'text/html',
    ) as unknown as Document;
    const plain = capturePage(doc, 'https://blog.example/post?utm_source=x', {
      text: ' A  quote.\n\n\n\nNext. ',
      markdown: 'A quote.\n\nNext.',
    });
    expect(plain).toEqual({
      pageUrl: 'https://blog.example/post?utm_source=x',
      // As the page gives it; the extension cleans it once the capture has left the page (tidy-capture.ts).
      canonicalUrl: 'https://blog.example/post?utm_source=x',
      title: 'Post',
      source: 'Blog',
      lang: 'en',
      selection: { text: 'A quote.\n\nNext.' },
      origins: { title: 'page-title', source: 'declared' },
    });
    const linked = capturePage(doc, 'https://blog.example/post', {
      text: 'A link',
      markdown: '[A link](https://x.io/)',
    });
    expect(linked.selection).toEqual({ text: 'A link', markdown: '[A link](https://x.io/)' });
    expect(capturePage(doc, 'https://blog.example/post', { text: '   ' }).selection).toBeUndefined();
  });
});
