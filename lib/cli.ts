import { renderDigest } from './digest/markdown-writer';
import { compileTemplates, TEMPLATE_KEYS, type TemplateKey } from './digest/templates';
import { EN_MESSAGES } from './i18n/en';
import { describeProblem, translator } from './i18n/translate';
import { parseBackup } from './store/backup-read';
import type { DigestLanguage, DigestSettings } from './types';
import { isDateId, weekStartOf } from './week';
import { weekFromBackup } from './week-from-backup';

export const USAGE = `Usage: digest-clipper render <backup.json> --week <YYYY-MM-DD> [--lang zh|en] [--front-matter] [--template <file>]

Renders one week of a Digest Clipper backup as the Markdown draft, exactly as the extension's
"Export draft" does, and writes it to standard output.

  --week          any day of the week to render (the backup's first day of the week applies)
  --lang          draft language; defaults to the backup's setting
  --front-matter  add YAML front matter (Hugo, Hexo, Jekyll)
  --template      a JSON file of template lines, e.g. {"brief": "{{summary}} ({{sources}})"}
`;

export interface CliIo {
  readText: (path: string) => string;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// The command line speaks English, like the tools it runs beside.
const t = translator(EN_MESSAGES);

const fail = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `digest-clipper: ${message}\n` });

/** The command line, minus the process: arguments in, output and exit code out. */
export function runCli(args: string[], io: CliIo): CliResult {
  if (args.length === 0 || args.includes('--help') || args.includes('-h'))
    return { code: args.length === 0 ? 2 : 0, stdout: USAGE, stderr: '' };
  const [command, file, ...rest] = args;
  if (command !== 'render') return fail(`unknown command "${command}"\n\n${USAGE}`);
  if (!file || file.startsWith('--')) return fail('name the backup file to render');
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] as string;
    if (flag === '--front-matter') options.frontMatter = true;
    else if (flag === '--week' || flag === '--lang' || flag === '--template') {
      const value = rest[++i];
      if (value === undefined) return fail(`${flag} needs a value`);
      options[flag.slice(2)] = value;
    } else return fail(`unknown option "${flag}"`);
  }
  const week = options.week;
  if (typeof week !== 'string' || !isDateId(week)) return fail('--week must be a date, e.g. --week 2026-01-26');
  if (options.lang !== undefined && options.lang !== 'zh' && options.lang !== 'en')
    return fail('--lang must be zh or en');

  let text: string;
  try {
    text = io.readText(file);
  } catch (error) {
    return fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseBackup(text);
  if (!parsed.ok)
    return fail(
      `${file} is not a usable backup:\n  ${parsed.errors.map((issue) => describeProblem(t, issue)).join('\n  ')}`,
    );
  const { backup } = parsed;
  // Records that cannot be read are named on stderr; the draft is still rendered from the rest.
  const warnings = parsed.issues.map(
    (issue) => `${file}: ${issue.effect === 'fixed' ? 'changed' : 'skipped'} ${describeProblem(t, issue)}`,
  );
  if (parsed.unlisted > 0) warnings.push(`${file}: … and ${parsed.unlisted} more`);
  let templates = backup.settings.templates;
  if (typeof options.template === 'string') {
    const loaded = readTemplateFile(options.template, io);
    if ('error' in loaded) return fail(loaded.error);
    templates = { ...templates, ...loaded.templates };
  }
  const settings = {
    ...backup.settings,
    templates,
    ...(options.lang ? { language: options.lang as DigestLanguage } : {}),
    ...(options.frontMatter ? { frontMatter: true } : {}),
  };
  const weekId = weekStartOf(week, settings.weekStartsOn);
  const digest = renderDigest({ ...weekFromBackup(backup, weekId), settings });
  return {
    code: 0,
    stdout: digest.markdown,
    stderr: warnings.length > 0 ? `${warnings.map((w) => `digest-clipper: ${w}`).join('\n')}\n` : '',
  };
}

/** A template file: a JSON object of template lines (title, slug, meta, brief, …). */
function readTemplateFile(path: string, io: CliIo): { templates: DigestSettings['templates'] } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(io.readText(path));
  } catch (error) {
    return { error: `cannot read the template ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { error: `${path}: a template file is a JSON object` };
  const templates: DigestSettings['templates'] = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(TEMPLATE_KEYS as string[]).includes(key))
      return { error: `${path}: unknown template "${key}"; use ${TEMPLATE_KEYS.join(', ')}` };
    if (typeof value !== 'string') return { error: `${path}: template "${key}" must be a string` };
    templates[key as TemplateKey] = value;
  }
  const { errors } = compileTemplates('zh', templates);
  if (errors.length > 0)
    return { error: `${path}: ${errors.map((e) => `${e.key}: ${describeProblem(t, e.problem)}`).join('; ')}` };
  return { templates };
}
