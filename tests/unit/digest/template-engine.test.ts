import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../../lib/digest/markdown-writer';
import { fillTemplate, formatDate, parseTemplate, TemplateError } from '../../../lib/digest/template-engine';
import { compileTemplates, DEFAULT_TEMPLATES } from '../../../lib/digest/templates';
import { SEED_WEEK } from '../../fixtures/weeks/ai-weekly-2026-01-26';

const runs = { text: (t: string) => `T(${t})`, literal: (t: string) => t };

describe('the template language', () => {
  it('parses literals, placeholders, date formats and optional suffixes', () => {
    const segments = parseTemplate('{{title}} — {{source?, }}{{date|YYYY/M/D}}', ['title', 'source', 'date']);
    expect(fillTemplate(segments, { title: 'A', source: 'B', date: '2026-01-05T10:00:00Z' }, runs).join('')).toBe(
      'T(A) — T(B), T(2026/1/5)',
    );
    expect(fillTemplate(segments, { title: 'A', source: '', date: '2026-01-05' }, runs).join('')).toBe(
      'T(A) — T(2026/1/5)',
    );
  });

  it('drops a suffix that nothing follows: a source with no date ends the line, with no dangling comma', () => {
    const segments = parseTemplate('{{title}} — {{source?, }}{{date|YYYY/M/D}}', ['title', 'source', 'date']);
    expect(fillTemplate(segments, { title: 'A', source: 'B', date: '' }, runs).join('')).toBe('T(A) — T(B)');
    // Text the template writes after the field still follows the suffix.
    const worded = parseTemplate('{{source?, }}{{date}} (read)', ['source', 'date']);
    expect(fillTemplate(worded, { source: 'B', date: '' }, runs).join('')).toBe('T(B),  (read)');
  });

  it.each([
    ['{{title', 'template.unclosed', 1, 1],
    ['ok\n  {{titel}}', 'template.unknown-field', 2, 3],
    ['{{title|YYYY}}', 'template.format-not-date', 1, 1],
    ['{{date|tomorrow}}', 'template.bad-date-format', 1, 1],
    ['{{ }}', 'template.not-placeholder', 1, 1],
  ])('refuses %j with its position', (text, code, line, column) => {
    try {
      parseTemplate(text, ['title', 'date']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as TemplateError).problem).toMatchObject({ code, params: { line, column } });
    }
  });

  it('formats dates', () => {
    expect(formatDate('2026-02-01', 'YYYY年M月D日')).toBe('2026年2月1日');
    expect(formatDate('2026-02-01T00:00:00+08:00', undefined)).toBe('2026-02-01');
  });

  it('writes month names in the digest language (MMM D, YYYY and MMMM)', () => {
    expect(() => parseTemplate('{{weekEnd|MMM D, YYYY}}', ['weekEnd'])).not.toThrow();
    expect(formatDate('2026-02-01', 'MMM D, YYYY', 'en')).toBe('Feb 1, 2026');
    expect(formatDate('2026-09-30', 'MMMM D', 'en')).toBe('September 30');
    expect(formatDate('2026-09-30', 'MMMM', 'zh')).toBe('九月');
    expect(formatDate('2026-01-05', 'MMM D日', 'zh')).toBe('1月 5日');
    expect(formatDate('2026-01-05', 'YYYY/MM/DD', 'en')).toBe('2026/01/05');
  });
});

describe('templates in the draft', () => {
  it('reproduce the published shape by default (the golden files do not change)', () => {
    const compiled = compileTemplates('zh', {});
    expect(compiled.errors).toEqual([]);
    const explicit = renderDigest({
      ...SEED_WEEK,
      settings: { ...SEED_WEEK.settings, templates: { ...DEFAULT_TEMPLATES.zh } },
    });
    expect(explicit.markdown).toBe(renderDigest(SEED_WEEK).markdown);
  });

  it('reshape titles, slugs and item lines, and escape what the editor cannot control', () => {
    const digest = renderDigest({
      ...SEED_WEEK,
      settings: {
        ...SEED_WEEK.settings,
        templates: {
          title: '{{name}} · {{weekEnd|YYYY年M月D日}}',
          slug: 'weekly-{{weekEnd|YYYYMMDD}}',
          brief: '**{{title}}**:{{summary}}({{sources}})',
          reference: '{{source?: }}{{link}} [{{date|M/D}}]',
        },
      },
    });
    expect(digest.filename).toBe('weekly-20260201.md');
    expect(digest.markdown.split('\n')[0]).toBe('# AI 一周记 · 2026年2月1日');
    expect(digest.markdown).toContain(
      '- **Apple to buy Israeli audio AI startup Q.ai**:Apple 收购以色列音频 AI 初创 Q.ai(估值约 16 亿美元),强化耳机与设备语音/环境理解能力。([Reuters](https://www.reuters.com/technology/apple-to-buy-israeli-audio-ai-startup-qai-2026-01-29/))',
    );
    expect(digest.markdown).toContain('1. Reuters: [Apple to buy Israeli audio AI startup Q.ai]');
    // The hostile clip's title is still escaped inside the editor's template.
    expect(digest.markdown).toContain('[\\# Not a \\*heading\\*');
  });

  it('links the line under a quote to the quote’s place on its page with {{quoteLink}}, and only that line', () => {
    const digest = renderDigest({
      ...SEED_WEEK,
      settings: {
        ...SEED_WEEK.settings,
        deepDiveQuotes: 'all',
        templates: { attribution: '— {{quoteLink}}({{source}})' },
      },
    });
    // Under each deep dive's quote: the publisher's name, linked to the passage with a text fragment.
    expect(digest.markdown).toContain(
      '> — [Reuters](https://www.reuters.com/technology/microsoft-capex-record-2026-01-28/#:~:text=Capital%20expenditures%20rose%20to,billion%20in%20the%20quarter.)(Reuters)',
    );
    // A line about an item, not a quote, has no quote to link to: refused with the fields it takes.
    const compiled = compileTemplates('zh', { brief: '{{summary}} {{quoteLink}}', attribution: '{{quoteLink}}' });
    expect(compiled.errors).toEqual([
      {
        key: 'brief',
        problem: { code: 'template.unknown-field', params: expect.objectContaining({ name: 'quoteLink' }) },
      },
    ]);
  });

  it('falls back to the default for a broken template and says which', () => {
    const compiled = compileTemplates('en', { brief: '{{summary}} {{oops}}' });
    expect(compiled.errors).toEqual([
      { key: 'brief', problem: { code: 'template.unknown-field', params: expect.objectContaining({ name: 'oops' }) } },
    ]);
    const digest = renderDigest({
      ...SEED_WEEK,
      settings: { ...SEED_WEEK.settings, language: 'en', templates: { brief: '{{oops' } },
    });
    expect(digest.markdown).toContain('Source: [Reuters]');
  });
});
