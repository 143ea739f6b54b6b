import { describe, expect, it } from 'vitest';
import { matchesText } from './text-match';

describe('matchesText', () => {
  it('finds every word in any of the texts, whatever the case and accents', () => {
    expect(matchesText('reunion lyon', ['Réunion mensuelle', 'Rust Lyon'])).toBe(true);
    expect(matchesText('STRASSE', ['Treffen in der Hauptstraße'])).toBe(true);
    expect(matchesText('kubernetes', ['Rust', null, undefined])).toBe(false);
    expect(matchesText('rust paris', ['Rust Lyon'])).toBe(false);
    expect(matchesText('東京', ['Kubernetes 東京 ミートアップ'])).toBe(true);
  });
});
