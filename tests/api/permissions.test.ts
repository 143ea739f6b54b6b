import { afterAll, describe, expect, it } from 'vitest';
import { groups, people } from '../../cms/src/seed/data';
import { admin, api, editor, walk } from './client';

const PUBLIC_TYPES = ['groups', 'events', 'resources', 'pages', 'regions'];
const contactEmails = new Set(groups.map((g) => g.contactEmail));
const accounts = new Set(people.flatMap((p) => [p.username, p.email]));

function expectNoPrivateData(body: unknown) {
  walk(body, (key, value) => {
    expect(key).not.toBe('contactEmail');
    expect(key).not.toBe('memberships');
    expect(key).not.toBe('wantsEmail');
    expect(key).not.toBe('submitterKey');
    expect(key).not.toBe('username');
    if (key === 'coordinators') {
      for (const coordinator of value as object[]) expect(Object.keys(coordinator)).toEqual(['name']);
    }
    if (typeof value === 'string') {
      expect(contactEmails.has(value), `leaked ${value}`).toBe(false);
      expect(accounts.has(value), `leaked ${value}`).toBe(false);
    }
  });
}

describe('an anonymous client', () => {
  it('cannot create, change or delete anything', async () => {
    const anyGroup = (await api.get('/api/groups?pagination[pageSize]=1')).body.data[0];
    for (const type of [...PUBLIC_TYPES, 'memberships', 'group-applications']) {
      if (type !== 'group-applications') {
        expect((await api.send('POST', `/api/${type}`, { data: { name: 'x', title: 'x' } })).status, `POST ${type}`).toBe(403);
      }
      expect((await api.send('PUT', `/api/${type}/${anyGroup.documentId}`, { data: { name: 'x' } })).status, `PUT ${type}`).toBe(403);
      const removal = await api.get(`/api/${type}/${anyGroup.documentId}`, { method: 'DELETE' });
      expect(removal.status, `DELETE ${type}`).toBe(403);
    }
    const after = await api.get(`/api/groups/${anyGroup.documentId}`);
    expect(after.body.data.name).toBe(anyGroup.name);
  });

  it('cannot sign up for an account while sign-up is closed', async () => {
    const response = await api.send('POST', '/api/auth/local/register', {
      username: 'mallory',
      email: 'mallory@example.org',
      password: 'Mallory-passw0rd',
    });
    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('ForbiddenError');
  });

  it('cannot read memberships, applications or accounts', async () => {
    for (const path of ['/api/memberships', '/api/group-applications', '/api/users']) {
      expect((await api.get(path)).status, path).toBe(403);
    }
  });

  it('never receives a private field, however it populates', async () => {
    for (const query of ['populate=*', 'populate[region][populate]=*&populate[events][populate]=*&populate[resources]=true&populate[workingGroup][populate]=*&populate[feeds]=true']) {
      const response = await api.get(`/api/groups?pagination[pageSize]=100&${query}`);
      expect(response.status, query).toBe(200);
      expect(response.body.data.length).toBeGreaterThan(50);
      expectNoPrivateData(response.body);
    }
    const regions = await api.get('/api/regions?populate[groups][populate]=*');
    expect(regions.status).toBe(200);
    expectNoPrivateData(regions.body);
    const events = await api.get('/api/events?populate[group][populate]=*');
    expect(events.status).toBe(200);
    expectNoPrivateData(events.body);
  });

  it('is refused a filter, sort, field list or populate that names a private field', async () => {
    const email = groups[0]!.contactEmail;
    const attempts = [
      `/api/groups?filters[contactEmail][$eq]=${email}`,
      `/api/groups?filters[$or][0][contactEmail][$startsWith]=a`,
      '/api/groups?sort=contactEmail',
      '/api/groups?sort[0]=contactEmail:desc',
      '/api/groups?fields[0]=contactEmail',
      '/api/groups?populate[memberships]=true',
      '/api/groups?filters[memberships][wantsEmail][$eq]=true',
      '/api/groups?filters[memberships][role][$eq]=coordinator',
      '/api/groups?filters[memberships][user][email][$eq]=camille.durand@example.org',
      '/api/groups?populate[memberships][populate][user]=true',
      '/api/groups?filters[coordinators][name][$eq]=Camille%20Durand',
      '/api/groups?sort=coordinators',
      '/api/groups?fields[0]=coordinators',
      '/api/groups?populate[coordinators][fields][0]=email',
      '/api/groups?populate[coordinators][populate]=*',
      '/api/regions?populate[groups][populate]=coordinators',
      '/api/events?populate[group][populate][coordinators]=true',
      '/api/regions?filters[groups][contactEmail][$contains]=example',
      '/api/events?filters[group][contactEmail][$contains]=example',
      '/api/events?populate[group][fields][0]=contactEmail',
      `/api/groups?_q=${email}`,
    ];
    for (const path of attempts) {
      const response = await api.get(path);
      expect(response.status, path).toBe(400);
      expect(response.body.error.message, path).toBeTruthy();
    }
  });

  it('is refused drafts and unknown query parameters with a clear message', async () => {
    for (const type of PUBLIC_TYPES) {
      for (const query of ['status=draft', 'publicationFilter=never-published', 'hasPublishedVersion=false', 'publicationState=preview', 'nonsense=1']) {
        const response = await api.get(`/api/${type}?${query}`);
        expect(response.status, `${type}?${query}`).toBe(400);
        expect(response.body.error.message).toMatch(/published|Invalid key/);
      }
    }
    expect((await api.get('/api/groups?status=published')).status).toBe(200);
    expect((await api.get('/api/groups?pagination[page]=-1')).status).toBe(400);
    expect((await api.get('/api/groups?pagination[pageSize]=lots')).status).toBe(400);
  });

  it('loses a permission the moment an administrator withdraws it, cached answers included', async () => {
    const LIST = '/api/resources?fields[0]=title&pagination[pageSize]=5';
    const roles = (await admin.get('/users-permissions/roles')).body.roles as { id: number; type: string }[];
    const publicRole = roles.find((role) => role.type === 'public')!;
    const role = (await admin.get(`/users-permissions/roles/${publicRole.id}`)).body.role;
    const find = role.permissions['api::resource'].controllers.resource.find;
    expect(find.enabled).toBe(true);
    const save = (enabled: boolean) => {
      find.enabled = enabled;
      return admin.send('PUT', `/users-permissions/roles/${publicRole.id}`, { name: role.name, description: role.description, permissions: role.permissions });
    };
    // Read twice: the second answer comes from the cache.
    expect((await api.get(LIST)).status).toBe(200);
    expect((await api.get(LIST)).status).toBe(200);
    try {
      expect((await save(false)).status).toBe(200);
      const refused = await api.get(LIST);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBeTruthy();
    } finally {
      expect((await save(true)).status).toBe(200);
    }
    expect((await api.get(LIST)).status).toBe(200);
  });

  it('is checked on every part of every query, however many pages of it were served before', async () => {
    const POPULATE = 'populate[region][fields][0]=name&fields[0]=slug';
    for (let page = 1; page <= 3; page++) {
      expect((await api.get(`/api/groups?${POPULATE}&pagination[page]=${page}&pagination[pageSize]=2`)).status).toBe(200);
    }
    // The same populate, with a filter, a sort or a field list it must not take: refused each time.
    for (let round = 0; round < 2; round++) {
      for (const bad of ['filters[contactEmail][$eq]=a', 'sort=contactEmail', 'fields[1]=contactEmail', 'populate[memberships]=true']) {
        const response = await api.get(`/api/groups?${POPULATE}&pagination[page]=4&${bad}`);
        expect(response.status, bad).toBe(400);
        expect(response.body.error.message, bad).toBeTruthy();
      }
    }
  });

  it('stops getting a related type the moment its permission is withdrawn, with a populate served before', async () => {
    const [first, second] = groups.filter((group) => group.region);
    const asked = (slug: string) => api.get(`/api/groups?filters[slug][$eq]=${slug}&populate[region][fields][0]=name&fields[0]=slug`);
    const before = await asked(first!.slug);
    expect(before.status).toBe(200);
    expect(before.body.data[0].region.name).toBeTruthy();
    const roles = (await admin.get('/users-permissions/roles')).body.roles as { id: number; type: string }[];
    const publicRole = roles.find((role) => role.type === 'public')!;
    const role = (await admin.get(`/users-permissions/roles/${publicRole.id}`)).body.role;
    const find = role.permissions['api::region'].controllers.region.find;
    const save = (enabled: boolean) => {
      find.enabled = enabled;
      return admin.send('PUT', `/users-permissions/roles/${publicRole.id}`, { name: role.name, description: role.description, permissions: role.permissions });
    };
    try {
      expect((await save(false)).status).toBe(200);
      // Another group, so that no kept answer is involved: only the check of the same populate.
      const after = await asked(second!.slug);
      expect(after.status).toBe(200);
      expect(after.body.data[0].slug).toBe(second!.slug);
      expect(after.body.data[0]).not.toHaveProperty('region');
    } finally {
      expect((await save(true)).status).toBe(200);
    }
    expect((await asked(second!.slug)).body.data[0].region.name).toBeTruthy();
  });

  it('gets at most one hundred items a page', async () => {
    const response = await api.get('/api/groups?pagination[pageSize]=1000&fields[0]=slug');
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination.pageSize).toBe(100);
    expect(response.body.data.length).toBeLessThanOrEqual(100);
  });

  it('never sees a draft, nor the unpublished changes of a published document', async () => {
    const created = await editor.create('api::group.group', {
      name: 'Draft Only User Group',
      slug: 'draft-only-user-group',
      kind: 'user-group',
      state: 'forming',
      summary: 'Not announced yet',
      contactEmail: 'draft-only@example.org',
    });
    expect(created.status, created.text).toBe(201);
    const draftId = created.body.data.documentId;

    expect((await api.get('/api/groups?filters[slug][$eq]=draft-only-user-group')).body.data).toEqual([]);
    expect((await api.get(`/api/groups/${draftId}`)).status).toBe(404);
    expect((await api.get(`/api/groups/${draftId}?status=draft`)).status).toBe(400);

    const event = await editor.create('api::event.event', {
      title: 'Secret planning call',
      slug: 'secret-planning-call',
      startsAt: '2027-02-01T10:00:00.000Z',
      endsAt: '2027-02-01T11:00:00.000Z',
      timezone: 'UTC',
      format: 'online',
      type: 'call',
      state: 'scheduled',
      group: { connect: [{ documentId: draftId, locale: 'en' }] },
    });
    expect(event.status, event.text).toBe(201);
    const events = await api.get('/api/events?filters[slug][$eq]=secret-planning-call');
    expect(events.body.data).toEqual([]);

    const published = (await api.get('/api/groups?pagination[pageSize]=1&fields[0]=summary')).body.data[0];
    const draftEvent = await editor.create('api::event.event', {
      title: 'Unannounced social',
      slug: 'unannounced-social',
      startsAt: '2027-02-02T18:00:00.000Z',
      endsAt: '2027-02-02T21:00:00.000Z',
      timezone: 'UTC',
      format: 'in-person',
      type: 'social',
      state: 'scheduled',
      group: { connect: [{ documentId: published.documentId, locale: 'en' }] },
    });
    expect(draftEvent.status, draftEvent.text).toBe(201);
    const withEvents = await api.get(`/api/groups/${published.documentId}?populate[events][fields][0]=slug`);
    expect(withEvents.status).toBe(200);
    expect(withEvents.body.data.events.map((e: { slug: string }) => e.slug)).not.toContain('unannounced-social');

    const change = await editor.update('api::group.group', published.documentId, { summary: 'Unpublished rewording' });
    expect(change.status, change.text).toBe(200);
    const after = await api.get(`/api/groups/${published.documentId}?fields[0]=summary`);
    expect(after.body.data.summary).toBe(published.summary);
  });
});

describe('coordinators’ public names', () => {
  const displayName = new Map(people.map((p) => [p.username, p.displayName]));
  const vienna = groups.find((g) => g.slug === 'vienna-user-group')!;
  const created: { uid: string; documentId: string }[] = [];

  const coordinatorsOf = async (slug: string, populate = 'populate=coordinators') => {
    const response = await api.get(`/api/groups?filters[slug][$eq]=${slug}&${populate}`);
    expect(response.status, response.text).toBe(200);
    expectNoPrivateData(response.body);
    return (response.body.data[0].coordinators as { name: string }[]).map((c) => c.name);
  };

  async function create(uid: string, data: Record<string, unknown>) {
    const response = await editor.create(uid, data);
    expect(response.status, response.text).toBe(201);
    // The content manager answers for accounts without the `data` wrapper it uses for content.
    const { documentId } = (response.body.data ?? response.body) as { documentId: string };
    created.push({ uid, documentId });
    return documentId;
  }

  afterAll(async () => {
    for (const { uid, documentId } of created.reverse()) {
      await admin.send('DELETE', `/content-manager/collection-types/${uid}/${documentId}`);
    }
  });

  it('are served for every group of a page, in the order the coordinators joined, and only when asked for', async () => {
    const response = await api.get('/api/groups?pagination[pageSize]=100&populate=coordinators&fields[0]=slug');
    expect(response.status).toBe(200);
    expectNoPrivateData(response.body);
    const bySlug = new Map((response.body.data as { slug: string; coordinators: { name: string }[] }[]).map((g) => [g.slug, g.coordinators]));
    for (const group of groups) {
      expect(bySlug.get(group.slug), group.slug).toEqual(group.coordinators.map((username) => ({ name: displayName.get(username) })));
    }
    const plain = await api.get('/api/groups?pagination[pageSize]=5');
    for (const group of plain.body.data) expect(group).not.toHaveProperty('coordinators');
  });

  it('are asked for in any of the ways Strapi takes populate, for one group or a list', async () => {
    const expected = vienna.coordinators.map((username) => displayName.get(username));
    for (const populate of [
      'populate=coordinators',
      'populate[coordinators]=true',
      'populate[0]=region&populate[1]=coordinators',
      'populate=region,coordinators',
      'populate=*',
      'populate[region][fields][0]=slug&populate[coordinators]=*',
    ]) {
      expect(await coordinatorsOf(vienna.slug, populate), populate).toEqual(expected);
    }
    const list = await api.get(`/api/groups?filters[slug][$eq]=${vienna.slug}&fields[0]=slug`);
    const one = await api.get(`/api/groups/${list.body.data[0].documentId}?populate=coordinators&locale=ja`);
    expect(one.status).toBe(200);
    expectNoPrivateData(one.body);
    expect(one.body.data.coordinators.map((c: { name: string }) => c.name)).toEqual(expected);
  });

  it('leave out members, coordinators without a public name and blocked accounts, and follow account changes', async () => {
    const group = (await api.get(`/api/groups?filters[slug][$eq]=${vienna.slug}&fields[0]=slug`)).body.data[0].documentId as string;
    const roles = (await admin.get('/users-permissions/roles')).body.roles as { documentId: string; type: string }[];
    const authenticated = roles.find((role) => role.type === 'authenticated')!;
    const account = (username: string, extra: Record<string, unknown>) =>
      create('plugin::users-permissions.user', {
        username,
        email: `${username}@example.net`,
        password: 'Not-a-real-passw0rd',
        role: { connect: [{ documentId: authenticated.documentId }] },
        confirmed: true,
        blocked: false,
        ...extra,
      });
    const join = (user: string, role: string, year: number) =>
      create('api::membership.membership', {
        user: { connect: [{ documentId: user }] },
        group: { connect: [{ documentId: group, locale: 'en' }] },
        role,
        joinedAt: `${year}-01-01T00:00:00.000Z`,
        wantsEmail: true,
      });
    const member = await account('test.member', { displayName: 'Test Member Name' });
    const nameless = await account('test.nameless', {});
    const blocked = await account('test.blocked', { displayName: 'Test Blocked Name', blocked: true });
    const newcomer = await account('test.newcomer', { displayName: 'Test Newcomer Name' });
    await join(member, 'member', 2024);
    await join(nameless, 'coordinator', 2024);
    await join(blocked, 'coordinator', 2024);
    await join(newcomer, 'coordinator', 2025);

    const before = vienna.coordinators.map((username) => displayName.get(username));
    expect(await coordinatorsOf(vienna.slug)).toEqual([...before, 'Test Newcomer Name']);

    const renamed = await editor.update('plugin::users-permissions.user', newcomer, { displayName: 'Test Renamed Name' });
    expect(renamed.status, renamed.text).toBe(200);
    expect(await coordinatorsOf(vienna.slug)).toEqual([...before, 'Test Renamed Name']);
    const named = await editor.update('plugin::users-permissions.user', nameless, { displayName: 'Test Now Named' });
    expect(named.status, named.text).toBe(200);
    expect(await coordinatorsOf(vienna.slug)).toEqual([...before, 'Test Now Named', 'Test Renamed Name']);

    // Editors publish groups again and again; the coordinators stay with the group.
    const republished = await editor.publish('api::group.group', group);
    expect(republished.status, republished.text).toBe(200);
    expect(await coordinatorsOf(vienna.slug)).toEqual([...before, 'Test Now Named', 'Test Renamed Name']);
  });
});
