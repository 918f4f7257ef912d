import { describe, expect, it } from 'vitest';
import { validOrigins } from '../../lib/record-rules';

describe('validOrigins', () => {
  const fields = { title: 'T', source: 'S', author: '', publishedAt: undefined };
  it('keeps known origins of the fields a record has, in no other shape', () => {
    expect(validOrigins({ title: 'headline', source: 'domain' }, fields)).toEqual({
      title: 'headline',
      source: 'domain',
    });
    // An empty or missing field has no origin; an unknown field or value is not kept.
    expect(
      validOrigins({ author: 'byline', publishedAt: 'url', lang: 'declared', title: 'guess' }, fields),
    ).toBeUndefined();
  });
  it.each([null, 'declared', 42, ['declared'], undefined])('reads %j as no origins', (raw) => {
    expect(validOrigins(raw, fields)).toBeUndefined();
  });
});
