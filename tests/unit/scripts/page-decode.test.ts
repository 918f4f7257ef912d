import { describe, expect, it } from 'vitest';
import { decode } from '../../../scripts/page-decode';

describe('decode', () => {
  const gbkPage = (title: number[]) =>
    Buffer.concat([Buffer.from('<meta charset="gb2312"><title>'), Buffer.from(title), Buffer.from('</title>')]);

  it('reads a page saved as UTF-8 as UTF-8 even when it declares a legacy charset', () => {
    const bytes = Buffer.from('<meta charset="gb2312"><title>人工智能迈上新台阶</title>');
    expect(decode(bytes)).toContain('人工智能迈上新台阶');
  });

  it('reads a page in its declared legacy charset when its bytes are not UTF-8', () => {
    // 新华网 in GBK.
    expect(decode(gbkPage([0xd0, 0xc2, 0xbb, 0xaa, 0xcd, 0xf8]))).toContain('新华网');
  });

  it('falls back to UTF-8 for a charset it does not know', () => {
    expect(decode(Buffer.from('<meta charset="x-unknown"><p>é</p>'))).toContain('é');
  });
});
