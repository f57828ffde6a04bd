import { likePattern, matchesTextPosition, simpleLowerCase } from './text-case';

describe('case-insensitive text', () => {
  it('lower-cases with the simple, per-code-point mapping PostgreSQL uses', () => {
    expect(simpleLowerCase('İstanbul')).toBe('istanbul');
    expect(simpleLowerCase('ΣΟΦΙΑΣ')).toBe('σοφιασ'); // no word-final ς
    expect(simpleLowerCase('ÀÉ ẞ ǅ K')).toBe('àé ß ǆ k');
    expect(simpleLowerCase('北京')).toBe('北京');
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(likePattern('50%_off\\', 'contains')).toBe('%50\\%\\_off\\\\%');
    expect(likePattern('ab', 'startsWith')).toBe('ab%');
    expect(likePattern('ab', 'endsWith')).toBe('%ab');
  });

  it('matches by position, ignoring case', () => {
    expect(matchesTextPosition('Acme Ltd', 'ACME', 'startsWith')).toBe(true);
    expect(matchesTextPosition('Acme Ltd', 'ltd', 'endsWith')).toBe(true);
    expect(matchesTextPosition('Acme Ltd', 'me l', 'contains')).toBe(true);
    expect(matchesTextPosition('100%', '0%', 'endsWith')).toBe(true);
    expect(matchesTextPosition('1000', '0%', 'contains')).toBe(false);
    expect(matchesTextPosition('ς', 'σ', 'contains')).toBe(false);
    expect(matchesTextPosition('anything', '', 'contains')).toBe(true);
  });
});
