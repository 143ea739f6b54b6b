import { describe, expect, it } from 'vitest';
import { changesPublic } from './public-writes';

const GROUP = 'api::group.group';

describe('changesPublic', () => {
  it('takes a draft saved, discarded or cloned for no public change, and a publication for one', () => {
    const write = (action: string, params: Record<string, unknown> = {}) => changesPublic({ uid: GROUP, action, params, draftAndPublish: true });
    expect(write('update', { data: { summary: 'x' } })).toBe(false);
    expect(write('create', { data: {} })).toBe(false);
    expect(write('discardDraft')).toBe(false);
    expect(write('clone')).toBe(false);
    expect(write('delete', { status: 'draft' })).toBe(false);
    expect(write('publish')).toBe(true);
    expect(write('unpublish')).toBe(true);
    expect(write('delete')).toBe(true);
    expect(write('update', { status: 'published', data: {} })).toBe(true);
    expect(write('findMany')).toBe(false);
  });

  it('takes every write to a type without drafts as public, but applications and members', () => {
    expect(changesPublic({ uid: 'api::resource.resource', action: 'update', params: { data: {} }, draftAndPublish: false })).toBe(true);
    expect(changesPublic({ uid: 'api::group-application.group-application', action: 'create', params: { data: {} }, draftAndPublish: false })).toBe(false);
    const membership = (data: Record<string, unknown>, wasCoordinator = false) =>
      changesPublic({ uid: 'api::membership.membership', action: 'update', params: { data }, draftAndPublish: false, wasCoordinator });
    expect(membership({ role: 'member' })).toBe(false);
    expect(membership({ role: 'coordinator' })).toBe(true);
    expect(membership({ role: 'member' }, true)).toBe(true);
    expect(membership({ wantsEmail: false }, true)).toBe(false);
    expect(membership({ state: 'active' }, true)).toBe(true);
    expect(changesPublic({ uid: 'api::membership.membership', action: 'delete', params: {}, draftAndPublish: false, wasCoordinator: true })).toBe(true);
    expect(changesPublic({ uid: 'api::membership.membership', action: 'delete', params: {}, draftAndPublish: false })).toBe(false);
  });

  it('takes an account’s public name and block as public, its other fields not', () => {
    const user = (data: Record<string, unknown>) => changesPublic({ uid: 'plugin::users-permissions.user', action: 'update', params: { data }, draftAndPublish: false });
    expect(user({ displayName: 'Ada' })).toBe(true);
    expect(user({ blocked: true })).toBe(true);
    expect(user({ password: 'x', confirmed: true })).toBe(false);
    expect(changesPublic({ uid: 'plugin::community.feed-state', action: 'update', params: {}, draftAndPublish: false })).toBe(false);
  });
});
