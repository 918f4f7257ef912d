// Renders scripts/icon.svg to the PNG sizes the manifest uses, with the same headless
// Chromium the e2e suite drives. Run after editing the SVG: `npm run icons`.
//
// Chromium's screenshots are 8-bit RGBA PNGs; the icon has fewer than 256 distinct pixels at
// every size (flat shapes plus their anti-aliased edges), so each is written losslessly as an
// indexed PNG instead, which takes the four icons from 4.4 to 3.2 kB in the store zip
// (every byte there counts against issue 12's budget).
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChromium } from '../tests/harness/chromium';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(data)]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Lossless indexed PNG of RGBA pixels; throws when the picture has more than 256 colours. */
function indexedPng(rgba: Uint8Array, size: number): Buffer {
  const palette = new Map<number, number>();
  const indices = Buffer.alloc(size * (size + 1));
  for (let y = 0; y < size; y++) {
    indices[y * (size + 1)] = 0; // filter: none (what suits palette images)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const [r = 0, g = 0, b = 0, a = 0] = rgba.subarray(i, i + 4);
      const key = ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
      let index = palette.get(key);
      if (index === undefined) {
        index = palette.size;
        if (index > 255) throw new Error(`icon at ${size}px has more than 256 colours`);
        palette.set(key, index);
      }
      indices[y * (size + 1) + 1 + x] = index;
    }
  }
  const colours = [...palette.keys()];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit indices, colour type 3 (palette)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(colours.flatMap((c) => [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255]))),
    chunk('tRNS', Uint8Array.from(colours.map((c) => c & 255))),
    chunk('IDAT', deflateSync(indices, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const svg = readFileSync('scripts/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  const pixels = await page.evaluate(
    async ({ svg, size }) => {
      const image = new Image();
      image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0, size, size);
      return Array.from(context.getImageData(0, 0, size, size).data);
    },
    { svg, size },
  );
  writeFileSync(`public/icon/${size}.png`, indexedPng(Uint8Array.from(pixels), size));
}
await browser.close();
