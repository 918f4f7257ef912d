import { type Problem, problem } from '../errors';

/** `domain = name` lines (the options page's text box) to a map, and back. */
export function parseOverrides(text: string): { overrides: Record<string, string>; errors: Problem[] } {
  const overrides: Record<string, string> = {};
  const errors: Problem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^([a-z0-9.-]+\.[a-z0-9-]+)\s*[=:：]\s*(.+)$/i.exec(line);
    if (!match) {
      errors.push(problem('publishers.bad-line', { line: i + 1 }));
      return;
    }
    overrides[(match[1] as string).toLowerCase().replace(/^www\./, '')] = (match[2] as string).trim();
  });
  return { overrides, errors };
}

export function formatOverrides(overrides: Readonly<Record<string, string>>): string {
  return Object.entries(overrides)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([domain, name]) => `${domain} = ${name}`)
    .join('\n');
}
