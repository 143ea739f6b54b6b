import { describe, expect, it } from 'vitest';
import { planItems } from './match-items';

const item = (itemKey: string, extra: Partial<{ guid: string | null; link: string | null; contentHash: string }> = {}) => ({
  itemKey,
  guid: extra.guid ?? null,
  link: extra.link ?? null,
  contentHash: extra.contentHash ?? `hash-${itemKey}`,
});

describe('planItems', () => {
  it('creates what is not stored and leaves what is stored unchanged', () => {
    const stored = [{ id: 1, ...item('a') }];
    const plan = planItems([item('a'), item('b')], stored);
    expect(plan.create.map((i) => i.itemKey)).toEqual(['b']);
    expect(plan.update).toEqual([]);
    expect(plan.unchanged).toBe(1);
  });

  it('updates an item whose content changed upstream', () => {
    const stored = [{ id: 7, ...item('a', { contentHash: 'old' }) }];
    const plan = planItems([item('a', { contentHash: 'new' })], stored);
    expect(plan.update).toEqual([{ id: 7, item: item('a', { contentHash: 'new' }) }]);
    expect(plan.create).toEqual([]);
  });

  it('recognises the same post from a second feed by its link or GUID', () => {
    const stored = [{ id: 3, ...item('https://blog.example/?p=1', { guid: 'https://blog.example/?p=1', link: 'https://blog.example/hello' }) }];
    const viaAtom = item('tag:blog.example,2026:1', { guid: 'tag:blog.example,2026:1', link: 'https://blog.example/hello', contentHash: 'hash-https://blog.example/?p=1' });
    expect(planItems([viaAtom], stored)).toEqual({ create: [], update: [], unchanged: 1 });
  });

  it('recognises an item without GUID or link by its content', () => {
    const stored = [{ id: 4, ...item('hash-x', { contentHash: 'x' }) }];
    expect(planItems([item('hash-x2', { contentHash: 'x' })], stored).unchanged).toBe(1);
  });

  it('counts an item repeated within one feed once', () => {
    const plan = planItems([item('a', { link: 'https://x/1' }), item('b', { link: 'https://x/1' })], []);
    expect(plan.create).toHaveLength(1);
  });
});
