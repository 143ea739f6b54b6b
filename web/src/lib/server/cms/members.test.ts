import { createHmac } from 'node:crypto';
import { isHttpError } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fetch } from './client';
import { exchangeCode, getMembership, joinGroup, linkTicket, listMyGroups, listProviders, providerStartUrl, signInWithPassword, unlinkIdentity, whoIs } from './members';

const SECRET = 'a-visitor-address-secret';
vi.mock('$env/dynamic/private', () => ({ env: { CMS_URL: 'http://cms.internal:1337', PUBLIC_CMS_URL: 'https://cms.example.org', VISITOR_ADDRESS_SECRET: 'a-visitor-address-secret' } }));

interface Sent {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

/** A `fetch` that keeps what the website sends and answers `status` with `body`. */
function cms(status: number, body?: unknown) {
  const sent: Sent[] = [];
  const fetch: Fetch = async (input, init) => {
    sent.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, sent };
}

const TOKEN = `chs_${'x'.repeat(43)}`;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('what the website sends the CMS for members', () => {
  it('signs in with the password, vouching for the visitor’s address', async () => {
    const { fetch, sent } = cms(200, { session: TOKEN, expiresAt: '2027-01-01T00:00:00.000Z', member: { username: 'ada', email: 'ada@example.net', confirmed: true } });
    const result = await signInWithPassword(fetch, { identifier: 'ada@example.net', password: 'pw' }, '203.0.113.7');
    expect(result).toEqual({ ok: true, session: { session: TOKEN, expiresAt: '2027-01-01T00:00:00.000Z', member: { username: 'ada', email: 'ada@example.net', confirmed: true, mayJoin: true, displayName: null } } });
    expect(sent[0]).toMatchObject({ method: 'POST', url: 'http://cms.internal:1337/api/community/auth/local', body: { identifier: 'ada@example.net', password: 'pw' } });
    const [address, seconds, signature] = sent[0]!.headers.get('x-visitor-address')!.split(';');
    expect(address).toBe('203.0.113.7');
    expect(signature).toBe(createHmac('sha256', SECRET).update(`visitor-address;203.0.113.7;${seconds}`).digest('base64url'));
    expect(sent[0]!.headers.get('authorization')).toBeNull();
  });

  it('passes the CMS’s refusal on: a wrong password (400) or too many tries (429)', async () => {
    for (const status of [400, 429]) {
      const { fetch } = cms(status, { error: { status, name: 'ValidationError', message: 'Wrong e-mail address, username or password.' } });
      expect(await signInWithPassword(fetch, { identifier: 'x', password: 'y' }, '')).toEqual({ ok: false, status, message: 'Wrong e-mail address, username or password.' });
    }
  });

  it('exchanges a code for a session and its "return to"; a used code is no session', async () => {
    const ok = cms(200, { session: TOKEN, expiresAt: '2027-01-01T00:00:00.000Z', member: { username: 'ada', email: null, confirmed: true }, returnTo: '/fr/groups/x' });
    expect(await exchangeCode(ok.fetch, 'the-code', '198.51.100.1')).toMatchObject({ session: TOKEN, returnTo: '/fr/groups/x' });
    expect(ok.sent[0]).toMatchObject({ method: 'POST', url: 'http://cms.internal:1337/api/community/auth/exchange', body: { code: 'the-code' } });
    expect(ok.sent[0]!.headers.get('x-visitor-address')).toMatch(/^198\.51\.100\.1;\d+;[\w-]{43}$/);
    expect(await exchangeCode(cms(400, { error: { message: 'used' } }).fetch, 'the-code', '')).toBeNull();
  });

  it('asks who a session is with the token as a Bearer credential: ended (401) is null, an outage undefined', async () => {
    const alive = cms(200, { data: { username: 'ada', email: 'ada@example.net', confirmed: false } });
    expect(await whoIs(alive.fetch, TOKEN)).toEqual({ username: 'ada', email: 'ada@example.net', confirmed: false, mayJoin: false, displayName: null });
    // An account from a provider may join although its address is not confirmed.
    const provider = cms(200, { data: { username: 'mark', email: null, confirmed: false, mayJoin: true } });
    expect(await whoIs(provider.fetch, TOKEN)).toEqual({ username: 'mark', email: null, confirmed: false, mayJoin: true, displayName: null });
    expect(alive.sent[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(await whoIs(cms(401, { error: {} }).fetch, TOKEN)).toBeNull();
    expect(await whoIs(cms(502).fetch, TOKEN)).toBeUndefined();
  });

  it('points a provider’s start at the CMS’s public address, with the local "return to" and a link ticket', () => {
    expect(providerStartUrl('google', '/fr/groups/paris-user-group')).toBe(
      'https://cms.example.org/api/community/auth/google/start?returnTo=%2Ffr%2Fgroups%2Fparis-user-group',
    );
    expect(providerStartUrl('oidc', '/de/account', 'tkt_1')).toBe('https://cms.example.org/api/community/auth/oidc/start?returnTo=%2Fde%2Faccount&link=tkt_1');
  });

  it('reads the providers, keeping only well-formed ones; none when the CMS cannot say', async () => {
    const { fetch } = cms(200, { data: [{ id: 'google', name: 'Google' }, { id: 'email', name: 'E-mail' }, { id: '../x', name: 'bad' }, { name: 'no id' }] });
    expect(await listProviders(fetch)).toEqual([{ id: 'google', name: 'Google' }, { id: 'email', name: 'E-mail' }]);
    expect(await listProviders(cms(404, { error: {} }).fetch)).toBeNull();
  });

  it('joins a group by slug; the CMS’s 403 (e-mail not confirmed) and 409 (already a member) come back as refusals', async () => {
    const joined = cms(201, { data: { status: 'pending' } });
    expect(await joinGroup(joined.fetch, TOKEN, 'vienna-user-group')).toEqual({ ok: true, status: 'pending' });
    expect(joined.sent[0]).toMatchObject({ method: 'POST', url: 'http://cms.internal:1337/api/community/me/memberships', body: { group: 'vienna-user-group' } });
    expect(await joinGroup(cms(403, { error: { message: 'Confirm your e-mail address first.' } }).fetch, TOKEN, 'x')).toMatchObject({ ok: false, status: 403 });
    expect(await joinGroup(cms(409, { error: { message: 'Already a member.' } }).fetch, TOKEN, 'x')).toMatchObject({ ok: false, status: 409 });
  });

  it('reads my groups with their next events as occurrence cards', async () => {
    const { fetch, sent } = cms(200, {
      data: [
        {
          group: { slug: 'paris-user-group', name: 'Paris User Group', joinPolicy: 'open' },
          role: 'member',
          status: 'active',
          wantsEmail: true,
          joinedAt: '2026-12-01T10:00:00.000Z',
          nextEvents: [
            {
              documentId: 'e1', slug: 'meetup', title: 'Meetup', locale: 'fr', start: '2027-01-12T18:00:00.000Z', end: '2027-01-12T20:00:00.000Z',
              localStart: '2027-01-12T19:00:00', localEnd: '2027-01-12T21:00:00', timezone: 'Europe/Paris', allDay: false, state: 'scheduled',
              cancelled: false, moved: false, originalStart: null, recurring: false, recurrence: null, format: 'in-person', type: 'meetup', language: 'fr',
              group: { slug: 'paris-user-group', name: 'Paris User Group', kind: 'user-group' },
            },
          ],
        },
      ],
    });
    const [row] = await listMyGroups(fetch, TOKEN, 'fr');
    expect(sent[0]!.url).toBe('http://cms.internal:1337/api/community/me/groups?locale=fr');
    expect(row).toMatchObject({ group: { slug: 'paris-user-group', joinPolicy: 'open' }, status: 'active', wantsEmail: true });
    expect(row!.nextEvents[0]).toMatchObject({ title: 'Meetup', slug: 'meetup', startsAt: '2027-01-12T18:00:00.000Z', timezone: 'Europe/Paris' });
  });

  it('answers a 401 from a member route (a session that ended meanwhile) with a 401 page', async () => {
    let status: number | undefined;
    try {
      await listMyGroups(cms(401, { error: {} }).fetch, TOKEN, 'en');
    } catch (error) {
      status = isHttpError(error) ? error.status : undefined;
    }
    expect(status).toBe(401);
  });

  it('gets a link ticket, and hears when a sign-in method is the last one', async () => {
    const ticket = cms(200, { ticket: 'tkt_2' });
    expect(await linkTicket(ticket.fetch, TOKEN, 'linkedin')).toBe('tkt_2');
    expect(ticket.sent[0]).toMatchObject({ method: 'POST', url: 'http://cms.internal:1337/api/community/me/identities/link', body: { provider: 'linkedin' } });
    const last = cms(409, { error: { message: 'This is the last way to sign in.' } });
    expect(await unlinkIdentity(last.fetch, TOKEN, 'email')).toMatchObject({ ok: false, status: 409 });
    expect(last.sent[0]).toMatchObject({ method: 'DELETE', url: 'http://cms.internal:1337/api/community/me/identities/email' });
  });

  it('asks for one membership by the group’s slug, and takes a 404 as none', async () => {
    const member = cms(200, { data: { group: { slug: 'paris-user-group', name: 'Paris', joinPolicy: 'open' }, role: 'member', status: 'active', wantsEmail: false, joinedAt: '2026-12-01T10:00:00.000Z' } });
    expect(await getMembership(member.fetch, TOKEN, 'paris-user-group', 'fr')).toEqual({
      group: { slug: 'paris-user-group', name: 'Paris', joinPolicy: 'open' },
      role: 'member',
      status: 'active',
      wantsEmail: false,
      joinedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(member.sent[0]!.url).toBe('http://cms.internal:1337/api/community/me/memberships/paris-user-group');
    expect(member.sent[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(await getMembership(cms(404, { error: { status: 404, message: 'You are not a member' } }).fetch, TOKEN, 'paris-user-group', 'fr')).toBeNull();
  });
});
