import { LOCALES } from '@chapterhouse/config';
import { describe, expect, it } from 'vitest';
import { render } from '$lib/testing/render';
import LanguageSwitcher from './LanguageSwitcher.svelte';

describe('LanguageSwitcher', () => {
  it('links to the same page in every locale, marking the current one', () => {
    const target = render(LanguageSwitcher, {
      current: 'fr',
      pathname: '/fr/groups',
      search: '?page=2',
      label: 'Langue',
    });
    const links = [...target.querySelectorAll('a')];

    expect(links.map((a) => a.getAttribute('href'))).toEqual(LOCALES.map((l) => `/${l.code}/groups?page=2`));
    expect(links.map((a) => [a.hreflang, a.lang, a.textContent])).toEqual(LOCALES.map((l) => [l.code, l.code, l.name]));
    expect(links.filter((a) => a.getAttribute('aria-current') === 'true').map((a) => a.hreflang)).toEqual(['fr']);
    expect(target.querySelector('nav')?.getAttribute('aria-labelledby')).toBe('language-switcher-label');
    // Hovering a language must not load that page: loading it would switch the remembered locale.
    expect(target.querySelector('nav')?.dataset.sveltekitPreloadData).toBe('off');
  });
});
