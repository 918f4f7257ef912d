import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Waits until the browser has finished writing `filename` and returns its text. */
export async function readDownload(dir: string, filename: string, timeoutMs = 10_000): Promise<string> {
  const path = join(dir, filename);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const partial = readdirSync(dir).some((f) => f.endsWith('.crdownload'));
    if (existsSync(path) && !partial) return readFileSync(path, 'utf8');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `No download named ${filename} in ${dir} after ${timeoutMs} ms; found: ${readdirSync(dir).join(', ') || 'nothing'}`,
  );
}
