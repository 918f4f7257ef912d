import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The project's own conventions (docs/architecture.md), checked on the tree as it is.
 * Layer boundaries and import cycles are Biome's job (biome.json); these are the rest.
 */
const ROOT = join(__dirname, '../..');

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...files(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

const exists = (path: string) => {
  try {
    return statSync(join(ROOT, path)).isFile();
  } catch {
    return false;
  }
};

describe('tests are named after what they test', () => {
  const tests = [...files('tests/unit', /\.test\.tsx?$/), ...files('tests/integration', /\.test\.tsx?$/)];

  it.each(tests)('%s names a module', (test) => {
    if (test === join('tests/unit/conventions.test.ts')) return;
    // tests/unit/capture/metadata.test.ts → lib/capture/metadata.ts; `x.aspect.test.ts` tests x.
    const inner = relative(test.startsWith('tests/unit') ? 'tests/unit' : 'tests/integration', test)
      .replace(/\.test\.tsx?$/, '')
      .replace(/\.[a-z-]+$/, '');
    const candidates = [`lib/${inner}.ts`, `${inner}.ts`, `${inner}.tsx`, `components/${inner}.tsx`];
    expect(candidates.some(exists), `none of ${candidates.join(', ')}`).toBe(true);
  });
});

describe('files and exports', () => {
  const libFiles = files('lib', /\.ts$/);
  const componentFiles = files('components', /\.tsx?$/);

  it.each(libFiles)('%s is kebab-case', (file) => {
    expect(file.split('/').pop()).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
  });

  it.each(componentFiles.filter((f) => f.endsWith('.tsx')))(
    '%s is a PascalCase component or kebab-case helper',
    (file) => {
      expect(file.split('/').pop()).toMatch(/^([A-Z][A-Za-z0-9]*|[a-z0-9]+(-[a-z0-9]+)*)\.tsx$/);
    },
  );

  it.each([...libFiles, ...componentFiles])('%s uses named exports only', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/^export default/m);
  });

  it.each(libFiles.filter((f) => !f.startsWith('lib/browser/')))('%s calls no browser API', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    expect(source).not.toMatch(/\b(chrome|browser)\.(runtime|tabs|storage|scripting|action|downloads|contextMenus)\b/);
  });

  it('cites the project’s own docs, never files outside the repository', () => {
    for (const file of [...libFiles, ...componentFiles, ...files('entrypoints', /\.tsx?$/)]) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      expect(source, file).not.toMatch(/DIGEST-FORMAT\.md|\.\.\/shared\//);
      for (const [, doc] of source.matchAll(/\b(docs\/[\w./-]+\.(?:md|json))/g)) {
        expect(exists(doc as string), `${file} cites ${doc}`).toBe(true);
      }
    }
  });
});
