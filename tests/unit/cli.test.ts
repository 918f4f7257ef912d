import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli';

const ROOT = join(__dirname, '../..');
const EXAMPLE = join(ROOT, 'docs/examples/backup.json');
const io = { readText: (path: string) => readFileSync(path, 'utf8') };

describe('digest-clipper render', () => {
  it('renders the example backup exactly like the extension (the zh golden file)', () => {
    const result = runCli(['render', EXAMPLE, '--week', '2026-01-29'], io);
    expect(result).toEqual({
      code: 0,
      stdout: readFileSync(join(ROOT, 'tests/golden/seed-week.zh.md'), 'utf8'),
      stderr: '',
    });
  });

  it('switches language and adds front matter on request', () => {
    const { stdout } = runCli(['render', EXAMPLE, '--week', '2026-01-26', '--lang', 'en', '--front-matter'], io);
    expect(stdout.startsWith('---\ntitle: "AI Weekly (Jan 26 – Feb 1, 2026)"\n')).toBe(true);
    expect(stdout).toContain('## Deep Dives');
    expect(stdout).toContain('Source: [Reuters]');
  });

  it.each([
    [['render'], /name the backup file/],
    [['render', EXAMPLE], /--week must be a date/],
    [['render', EXAMPLE, '--week', '2026-13-01'], /--week must be a date/],
    [['render', EXAMPLE, '--week', '2026-01-26', '--lang', 'fr'], /--lang must be zh or en/],
    [['render', '/nonexistent.json', '--week', '2026-01-26'], /cannot read/],
    [['publish'], /unknown command/],
  ])('refuses %j with a message and exit code 2', (args, message) => {
    const result = runCli(args, io);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('names a bad record on stderr with its path, and still renders the rest', () => {
    const broken = readFileSync(EXAMPLE, 'utf8').replace(
      '"title": "Apple to buy Israeli audio AI startup Q.ai"',
      '"title": 7',
    );
    const result = runCli(['render', 'x.json', '--week', '2026-01-26'], { readText: () => broken });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('digest-clipper: x.json: skipped sources[0].title: not a string');
    expect(result.stdout).toContain('## 深度解析');
    expect(result.stdout).not.toContain('Apple to buy Israeli audio AI startup Q.ai');
    // The brief that cited it stays, its words intact, without the link.
    expect(result.stdout).toContain(
      '- Apple 收购以色列音频 AI 初创 Q.ai(估值约 16 亿美元),强化耳机与设备语音/环境理解能力。\n',
    );
  });

  it('refuses a file that is not a backup at all', () => {
    const result = runCli(['render', 'x.json', '--week', '2026-01-26'], { readText: () => '{"hello": 1}' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a Digest Clipper backup');
  });

  it('runs as a real command through npx', () => {
    const out = execFileSync('npx', ['--no-install', 'digest-clipper', 'render', EXAMPLE, '--week', '2026-01-26'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out.split('\n')[0]).toBe('# AI 一周记(2026-01-26 至 2026-02-01)');
    const failed = spawnSync('node', ['bin/digest-clipper.mjs', 'render', EXAMPLE], { cwd: ROOT, encoding: 'utf8' });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('--week must be a date');
  }, 60_000);
});

describe('digest-clipper render --template', () => {
  it('applies a template file', () => {
    const template = join(ROOT, 'docs/examples/template.json');
    const { code, stdout } = runCli(['render', EXAMPLE, '--week', '2026-01-26', '--template', template], io);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('# AI 一周记 · 2026年2月1日');
    expect(stdout).toContain('1. Reuters: [Apple to buy Israeli audio AI startup Q.ai]');
  });

  it('refuses a broken template with its position', () => {
    const result = runCli(['render', EXAMPLE, '--week', '2026-01-26', '--template', 't.json'], {
      readText: (path) => (path === 't.json' ? '{"brief": "{{summary}} {{oops}}"}' : readFileSync(path, 'utf8')),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('brief: line 1, column 13: unknown placeholder "oops"');
    expect(result.stderr).toContain('line 1, column 13');
  });
});
