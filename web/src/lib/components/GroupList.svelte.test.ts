import { describe, expect, it } from 'vitest';
import type { GroupCard } from '$lib/server/cms';
import { render } from '$lib/testing/render';
import GroupList from './GroupList.svelte';

describe('GroupList', () => {
  it('marks a summary that is in another language than the page', () => {
    const base: Pick<GroupCard, 'kind' | 'status' | 'languages' | 'slug'> = {
      kind: 'user-group',
      status: 'active',
      languages: [],
      slug: '',
    };
    const target = render(GroupList, {
      locale: 'fr',
      groups: [
        { ...base, id: 'a', name: 'Lyon', city: 'Lyon', country: 'FR', summary: 'Rencontres mensuelles.', locale: 'fr', isFallback: false },
        { ...base, id: 'b', name: 'Docs WG', city: null, country: null, summary: 'Writes the handbook.', locale: 'en', isFallback: true },
      ],
    });
    const [lyon, docs] = [...target.querySelectorAll('li')];

    expect(lyon?.textContent).toContain('Lyon, France');
    expect(lyon?.querySelector('.fallback-badge')).toBeNull();
    expect(docs?.querySelector('[lang="en"]')?.textContent).toBe('Writes the handbook.');
    const badge = docs?.querySelector('.fallback-badge');
    expect(badge?.textContent?.trim()).toBe('en anglais');
    expect(badge?.getAttribute('lang')).toBe('fr');
  });
});
