import { describe, expect, it } from 'vitest';
import { api, editor } from './client';

const validGroup = {
  name: 'Valid Test User Group',
  slug: 'valid-test-user-group',
  kind: 'user-group',
  state: 'forming',
  country: 'KE',
  languages: ['sw', 'en'],
  timezone: 'Africa/Nairobi',
  latitude: -1.29,
  longitude: 36.82,
  website: 'https://kenya.example.org',
  contactEmail: 'kenya@example.org',
};

async function countBySlug(uid: string, slug: string) {
  const list = await editor.list(uid, `filters[slug][$eq]=${slug}`);
  return list.body.pagination.total as number;
}

describe('an editor saving a group', () => {
  it('gets a 400 naming every wrong field, and nothing is saved', async () => {
    const response = await editor.create('api::group.group', {
      ...validGroup,
      slug: 'broken-test-group',
      country: 'XX',
      website: 'javascript:alert(1)',
      timezone: 'Mars/Olympus_Mons',
      languages: ['english!'],
      latitude: 12,
      longitude: undefined,
      feeds: [{ kind: 'blog', url: 'ftp://example.org/feed' }],
    });
    expect(response.status).toBe(400);
    const message: string = response.body.error.message;
    for (const field of ['country', 'website', 'timezone', 'languages.0', 'longitude', 'feeds.0.url']) {
      expect(message).toContain(field);
    }
    expect(await countBySlug('api::group.group', 'broken-test-group')).toBe(0);
  });

  it('saves a valid group', async () => {
    const response = await editor.create('api::group.group', validGroup);
    expect(response.status, response.text).toBe(201);
    expect(await countBySlug('api::group.group', validGroup.slug)).toBe(1);
  });

  it('cannot start a document in a language other than the default one', async () => {
    const response = await editor.create('api::group.group', { ...validGroup, slug: 'groupe-francais' }, 'fr');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/default locale/);
  });
});

describe('an editor saving an event', () => {
  const event = {
    title: 'Validation meetup',
    slug: 'validation-meetup',
    startsAt: '2027-03-10T17:00:00.000Z',
    endsAt: '2027-03-10T19:00:00.000Z',
    timezone: 'Europe/Berlin',
    format: 'in-person',
    type: 'meetup',
    state: 'scheduled',
  };

  it('is told when the end is not after the start', async () => {
    const response = await editor.create('api::event.event', { ...event, endsAt: '2027-03-10T16:00:00.000Z' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('endsAt must be after startsAt');
  });

  it('is told what is wrong with a recurrence rule', async () => {
    for (const [rule, expected] of [
      ['FREQ=SOMETIMES', /FREQ=SOMETIMES is not supported/],
      ['FREQ=WEEKLY;BYDAY=XX', /BYDAY=XX is not valid/],
      ['FREQ=WEEKLY;COUNT=3;UNTIL=20270101T000000Z', /both UNTIL and COUNT/],
      ['BYDAY=MO', /needs a FREQ/],
      ['FREQ=MINUTELY', /FREQ=MINUTELY is not supported/],
      ['FREQ=WEEKLY;BYHOUR=9,18', /BYHOUR is not supported/],
      ['FREQ=MONTHLY;BYSETPOS=1', /BYSETPOS needs another BY part/],
      // 10 March 2027 is a Wednesday, not the first Tuesday (2 March); the next ones are 6 April and 4 May.
      ['FREQ=MONTHLY;BYDAY=1TU', /does not match startsAt \(WE 2027-03-10 18:00 Europe\/Berlin\).*TU 2027-04-06 18:00, TU 2027-05-04 18:00/],
    ] as const) {
      const response = await editor.create('api::event.event', { ...event, recurrence: rule });
      expect(response.status, rule).toBe(400);
      expect(response.body.error.message, rule).toMatch(expected);
    }
  });

  it('is told about an unknown time zone, bad URLs and malformed exception dates', async () => {
    const response = await editor.create('api::event.event', {
      ...event,
      timezone: 'Europe/Atlantis',
      onlineUrl: 'not a url',
      exceptionDates: ['next tuesday'],
    });
    expect(response.status).toBe(400);
    for (const field of ['timezone', 'onlineUrl', 'exceptionDates.0']) expect(response.body.error.message).toContain(field);
  });

  it('saves a valid recurring event and catches a bad change to it', async () => {
    const created = await editor.create('api::event.event', {
      ...event,
      recurrence: 'FREQ=MONTHLY;BYDAY=2WE;COUNT=6',
      exceptionDates: ['2027-05-12T17:00:00.000Z'],
    });
    expect(created.status, created.text).toBe(201);
    const change = await editor.update('api::event.event', created.body.data.documentId, { endsAt: '2027-03-09T00:00:00.000Z' });
    expect(change.status).toBe(400);
    expect(change.body.error.message).toContain('endsAt must be after startsAt');
  });
});

describe('a visitor applying to start a group', () => {
  const application = {
    proposedName: 'Mombasa User Group',
    city: 'Mombasa',
    country: 'KE',
    languages: ['sw', 'en'],
    contactName: 'Halima Said',
    contactEmail: 'halima@example.org',
    message: 'We are about fifteen people meeting informally every month and would like to become a group.',
  };

  it('is told what is wrong, and nothing is stored', async () => {
    const before = (await editor.list('api::group-application.group-application')).body.pagination.total;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...application, contactEmail: 'not-an-email' }, /contactEmail/],
      [{ ...application, country: 'Kenya' }, /country/],
      [{ ...application, languages: ['swahili language'] }, /languages/],
      [{ ...application, message: 'hi' }, /message/],
      [{ ...application, proposedName: undefined }, /proposedName/],
      [{ ...application, state: 'accepted' }, /Unknown field/],
    ];
    for (const [data, expected] of cases) {
      const response = await api.send('POST', '/api/group-applications', { data });
      expect(response.status, JSON.stringify(data)).toBe(400);
      expect(response.body.error.message).toMatch(expected);
    }
    expect((await api.send('POST', '/api/group-applications', { nonsense: true })).status).toBe(400);
    const after = (await editor.list('api::group-application.group-application')).body.pagination.total;
    expect(after).toBe(before);
  });

  it('is thanked, the editors see the application, and a flood is slowed down', async () => {
    const first = await api.send('POST', '/api/group-applications', { data: application });
    expect(first.status, first.text).toBe(201);
    expect(first.body.data.status).toBe('received');
    expect(first.text).not.toContain(application.contactEmail);

    const stored = await editor.list('api::group-application.group-application', 'filters[proposedName][$eq]=Mombasa User Group');
    expect(stored.body.results[0]).toMatchObject({ contactEmail: application.contactEmail, state: 'new' });

    // The test CMS allows six applications an hour from one address; other suites send from it too.
    const statuses: number[] = [];
    let flood = first;
    for (let i = 0; i < 6 && flood.status !== 429; i++) {
      flood = await api.send('POST', '/api/group-applications', { data: { ...application, proposedName: `Group ${i} of Mombasa` } });
      statuses.push(flood.status);
    }
    expect(statuses.slice(0, -1).every((status) => status === 201), String(statuses)).toBe(true);
    expect(flood.status).toBe(429);
    expect(flood.body.error.message).toMatch(/try again/);
    expect(flood.headers.get('retry-after')).toBeTruthy();
  });
});
