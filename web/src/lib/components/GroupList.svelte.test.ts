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

  it('names the state of a group that is not active, in words, beside its kind', () => {
    const group = (id: string, status: GroupCard['status']): GroupCard => ({
      id,
      name: `Group ${id}`,
      slug: `group-${id}`,
      summary: null,
      kind: 'working-group',
      status,
      city: null,
      country: null,
      languages: [],
      locale: 'de',
      isFallback: false,
    });
    const target = render(GroupList, {
      locale: 'de',
      groups: [group('a', 'active'), group('f', 'forming'), group('d', 'dormant'), group('x', 'archived')],
    });
    const meta = [...target.querySelectorAll('.card-meta')].map((p) => p.textContent?.replace(/\s+/g, ' ').trim());
    expect(meta).toEqual(['Arbeitsgruppe', 'Im Aufbau Arbeitsgruppe', 'Ruhend Arbeitsgruppe', 'Archiviert Arbeitsgruppe']);
  });
});
