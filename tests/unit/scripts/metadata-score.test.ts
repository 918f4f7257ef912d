import { describe, expect, it } from 'vitest';
import { authorsOf, score } from '../../../scripts/metadata-score';

describe('authorsOf', () => {
  it('splits names at commas, semicolons, ampersands, slashes and conjunctions before dropping punctuation', () => {
    expect(authorsOf('Fiona Bornhöft, Mariam Hofbeck')).toEqual(['fiona bornhöft', 'mariam hofbeck']);
    expect(authorsOf('David Brand and Ramsey Khalifeh')).toEqual(['david brand', 'ramsey khalifeh']);
    expect(authorsOf('Isabel Caro, Rocío Latorre y José Miguel Wilson')).toEqual([
      'isabel caro',
      'josé miguel wilson',
      'rocío latorre',
    ]);
    expect(authorsOf('E. Barreneche / J. I. Da Silva')).toEqual(['e barreneche', 'j i da silva']);
  });

  it('drops a leading label and keeps one name whole', () => {
    expect(authorsOf('By Dr. Jane Roe')).toEqual(['dr jane roe']);
    expect(authorsOf('Andy Brandt')).toEqual(['andy brandt']);
  });
});

describe('score', () => {
  it('counts the same names in another order or with other separators as exact', () => {
    expect(score('author', 'Fiona Bornhöft und Mariam Hofbeck', 'Fiona Bornhöft, Mariam Hofbeck').exact).toBe(true);
    expect(score('author', 'Lars Fischer und Alina Schadwinkel', 'Lars Fischer').exact).toBe(false);
  });

  it('scores an empty label as "none expected"', () => {
    expect(score('author', '', undefined).exact).toBe(true);
    expect(score('author', '', 'Jane Roe').exact).toBe(false);
    expect(score('date', '', undefined).exact).toBe(true);
  });

  it('scores dates by calendar day and titles exactly or leniently', () => {
    expect(score('date', '2020-01-02', '2020-01-02T23:00:00Z').exact).toBe(true);
    expect(score('date', '2020-01-02', '2020-01-03').exact).toBe(false);
    expect(score('title', 'A  title', 'A title').exact).toBe(true);
    const cut = score('title', 'How to build a terrarium | eHow', 'How to build a terrarium');
    expect([cut.exact, cut.lenient]).toEqual([false, true]);
  });
});

describe('score outcome', () => {
  it('tells a wrong value from a missing one, and counts a value where the label says none as wrong', () => {
    expect(score('author', 'Jane Roe', 'Jane Roe').outcome).toBe('right');
    expect(score('author', 'Jane Roe', undefined).outcome).toBe('missing');
    expect(score('author', 'Jane Roe', 'Redaktion').outcome).toBe('wrong');
    expect(score('author', '', 'Jane Roe').outcome).toBe('wrong');
    expect(score('author', '', undefined).outcome).toBe('right');
    expect(score('date', '2020-01-02', '2020-01-03').outcome).toBe('wrong');
    expect(score('date', '2020-01-02', undefined).outcome).toBe('missing');
    expect(score('date', '', '2020-01-03').outcome).toBe('wrong');
    expect(score('title', 'How to build a terrarium | eHow', 'How to build a terrarium').outcome).toBe('right');
  });

  it('parts Chinese co-authors at 、', () => {
    expect(score('author', '王建宏; 张文攀', '王建宏、张文攀').exact).toBe(true);
  });
});
