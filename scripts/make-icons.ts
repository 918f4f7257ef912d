// Renders scripts/icon.svg to the PNG sizes the manifest uses, with the same headless
// Chromium the e2e suite drives. Run after editing the SVG: `npm run icons`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/harness/chromium';

const svg = readFileSync('scripts/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
