import { describe, expect, it } from 'vitest';
import {
  checkedWritingSettings,
  DEFAULT_WRITING,
  endpointOf,
  readWritingSettings,
} from '../../../lib/writing/settings';

describe('writing settings', () => {
  it('reads whatever storage held, unknown parts as the defaults (off)', () => {
    expect(readWritingSettings(undefined)).toEqual(DEFAULT_WRITING);
    expect(readWritingSettings({ engine: 'cloud', prompts: { summary: 7 }, style: { zh: '  ' } })).toEqual(
      DEFAULT_WRITING,
    );
    expect(readWritingSettings({ engine: 'device' }).engine).toBe('device');
  });

  it('takes the API root from what an editor pastes, and the origin to ask for', () => {
    expect(endpointOf('http://127.0.0.1:8808/v1/chat/completions')).toEqual({
      root: 'http://127.0.0.1:8808/v1',
      origin: 'http://127.0.0.1/*',
    });
    expect(endpointOf(' https://gw.example.com/openai/v1/ ')).toEqual({
      root: 'https://gw.example.com/openai/v1',
      origin: 'https://gw.example.com/*',
    });
    expect(() => endpointOf('ftp://x')).toThrow('writing.bad-address');
    expect(() => endpointOf('not a url')).toThrow('writing.bad-address');
  });

  it('refuses an endpoint without a model name', () => {
    expect(() => checkedWritingSettings({ ...DEFAULT_WRITING, engine: 'endpoint', baseUrl: 'http://a/v1' })).toThrow(
      'writing.no-model-name',
    );
    expect(checkedWritingSettings({ ...DEFAULT_WRITING, engine: 'off', baseUrl: 'junk' }).engine).toBe('off');
  });
});
