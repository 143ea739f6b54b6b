import { env } from '$env/dynamic/private';
import { error } from '@sveltejs/kit';
import { VISITOR_HEADER, visitorAddressHeader } from '../visitor-address';
import { cmsUrl, publicFileUrl, TIMEOUT_MS, unavailable, type Fetch } from './client';
import { toOccurrenceCard, type CmsOccurrence, type OccurrenceCard } from './occurrences';

/**
 * Every call the website makes for members: sign-in, the session, and what a signed-in
 * person does (memberships, account, calendar). Member routes take the session token as
 * `Authorization: Bearer …`; their answers are personal and never kept (unlike getJson's).
 */

/** Who a session speaks for, as `GET /api/community/me` answers. */
export interface Member {
  username: string;
  email: string | null;
  confirmed: boolean;
  /** Whether the CMS lets the member join groups (a confirmed address, or a provider's account). */
  mayJoin: boolean;
  displayName?: string | null;
}

export interface Session {
  session: string;
  expiresAt: string;
  member: Member;
}

export interface Provider {
  id: string;
  name: string;
}

export type JoinPolicy = 'open' | 'approval';
export type MembershipStatus = 'active' | 'pending';

export interface MyGroup {
  group: { slug: string; name: string; joinPolicy: JoinPolicy };
  role: string;
  status: MembershipStatus;
  wantsEmail: boolean;
  joinedAt: string | null;
  nextEvents: OccurrenceCard[];
}

export interface JoinRequest {
  documentId: string;
  group: { slug: string; name: string };
  member: { name: string };
  requestedAt: string | null;
}

export interface Identity {
  provider: string;
  name: string;
  linkedAt: string | null;
}

export interface Account {
  username: string;
  email: string | null;
  displayName: string | null;
  locale: string | null;
}

/** A refusal the person can act on: the CMS's status and its message. */
export interface Refusal {
  ok: false;
  status: number;
  message: string;
}

const API = '/api/community';

interface Call {
  method?: string;
  token?: string;
  body?: unknown;
  /** The visitor's address, vouched for to the CMS so that its limits count each visitor. */
  visitor?: string;
}

async function send(fetch: Fetch, path: string, { method = 'GET', token, body, visitor }: Call): Promise<Response> {
  const url = cmsUrl(`${API}${path}`, []);
  const vouch = visitor === undefined ? undefined : visitorAddressHeader(visitor, env.VISITOR_ADDRESS_SECRET);
  try {
    return await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(vouch ? { [VISITOR_HEADER]: vouch } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    unavailable(url, cause);
  }
}

async function readJson(response: Response): Promise<any> {
  return response.json().catch(() => null);
}

async function refusal(response: Response): Promise<Refusal> {
  const body = await readJson(response);
  const message = typeof body?.error?.message === 'string' ? body.error.message : '';
  return { ok: false, status: response.status, message };
}

/** A session that ended between the request's start and this call: the person signs in again. */
function sessionEnded(): never {
  error(401, 'Your session has ended: please sign in again.');
}

/** The answer of a member route, or a 401 / 503 thrown; `expected` statuses are the caller's to handle. */
async function memberCall(fetch: Fetch, token: string, path: string, call: Omit<Call, 'token'> = {}, expected: number[] = []): Promise<Response> {
  const response = await send(fetch, path, { ...call, token });
  if (response.ok || expected.includes(response.status)) return response;
  if (response.status === 401) sessionEnded();
  unavailable(cmsUrl(`${API}${path}`, []), `HTTP ${response.status}`);
}

function toSession(body: any): Session | null {
  if (typeof body?.session !== 'string' || typeof body.expiresAt !== 'string' || typeof body.member?.username !== 'string') return null;
  return { session: body.session, expiresAt: body.expiresAt, member: toMember(body.member) };
}

function toMember(raw: any): Member {
  return {
    username: String(raw.username),
    email: typeof raw.email === 'string' ? raw.email : null,
    confirmed: raw.confirmed === true,
    mayJoin: raw.mayJoin === true || (raw.mayJoin === undefined && raw.confirmed === true),
    displayName: typeof raw.displayName === 'string' && raw.displayName.trim() ? raw.displayName : null,
  };
}

/** The sign-in methods switched on, in the CMS's order; none when the CMS cannot say. */
export async function listProviders(fetch: Fetch): Promise<Provider[] | null> {
  const url = cmsUrl(`${API}/auth/providers`, []);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (cause) {
    console.warn(`CMS unavailable at ${url.origin}${url.pathname}:`, cause instanceof Error ? cause.message : cause);
    return null;
  }
  const body = response.ok ? await readJson(response) : null;
  if (!Array.isArray(body?.data)) {
    console.warn(`CMS gave no sign-in providers at ${url.pathname}: HTTP ${response.status}`);
    return null;
  }
  return body.data
    .filter((p: any) => typeof p?.id === 'string' && /^[a-z0-9-]{1,40}$/.test(p.id))
    .map((p: any) => ({ id: p.id, name: typeof p.name === 'string' && p.name ? p.name : p.id }));
}

/** Where the browser goes to sign in with a provider (the CMS's public address), coming back to `returnTo`. */
export function providerStartUrl(provider: string, returnTo: string, link?: string): string {
  const url = new URL(publicFileUrl(`${API}/auth/${encodeURIComponent(provider)}/start`));
  url.searchParams.set('returnTo', returnTo);
  if (link) url.searchParams.set('link', link);
  return url.href;
}

/** Signs in with an e-mail address (or username) and password. */
export async function signInWithPassword(
  fetch: Fetch,
  credentials: { identifier: string; password: string },
  visitor: string,
): Promise<{ ok: true; session: Session } | Refusal> {
  const response = await send(fetch, '/auth/local', { method: 'POST', body: credentials, visitor });
  if (response.status === 400 || response.status === 429) return refusal(response);
  const session = response.ok ? toSession(await readJson(response)) : null;
  if (!session) unavailable(cmsUrl(`${API}/auth/local`, []), `HTTP ${response.status}`);
  return { ok: true, session };
}

/** Exchanges the one-time code a provider's sign-in ended with; null when it is used, expired or unknown. */
export async function exchangeCode(
  fetch: Fetch,
  code: string,
  visitor: string,
): Promise<(Session & { returnTo: string | null }) | null> {
  const response = await send(fetch, '/auth/exchange', { method: 'POST', body: { code }, visitor });
  if (response.status === 400 || response.status === 429) return null;
  const body = response.ok ? await readJson(response) : null;
  const session = toSession(body);
  if (!session) unavailable(cmsUrl(`${API}/auth/exchange`, []), `HTTP ${response.status}`);
  return { ...session, returnTo: typeof body.returnTo === 'string' ? body.returnTo : null };
}

/** Asks for an account; the answer is the same whether or not the address is taken. */
export async function register(
  fetch: Fetch,
  account: { username: string; email: string; password: string; locale: string },
  visitor: string,
): Promise<{ ok: true } | Refusal> {
  const response = await send(fetch, '/auth/register', { method: 'POST', body: account, visitor });
  if (response.ok) return { ok: true };
  if (response.status === 400 || response.status === 429) return refusal(response);
  unavailable(cmsUrl(`${API}/auth/register`, []), `HTTP ${response.status}`);
}

/** Ends the session on the CMS; one that has ended already is fine. */
export async function signOut(fetch: Fetch, token: string): Promise<void> {
  const response = await send(fetch, '/auth/sign-out', { method: 'POST', token });
  if (!response.ok && response.status !== 401) unavailable(cmsUrl(`${API}/auth/sign-out`, []), `HTTP ${response.status}`);
}

/**
 * Who the session is: the member, null when the session has ended (the cookie should go),
 * or undefined when the CMS cannot say now (the visitor is shown signed out, the cookie stays).
 */
export async function whoIs(fetch: Fetch, token: string): Promise<Member | null | undefined> {
  let response: Response;
  try {
    response = await fetch(cmsUrl(`${API}/me`, []), {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return undefined;
  }
  if (response.status === 401) return null;
  const body = response.ok ? await readJson(response) : null;
  return typeof body?.data?.username === 'string' ? toMember(body.data) : undefined;
}

function toMyGroup(row: any, locale: string): MyGroup {
  return {
    group: { slug: String(row.group?.slug), name: String(row.group?.name ?? row.group?.slug), joinPolicy: row.group?.joinPolicy === 'approval' ? 'approval' : 'open' },
    role: String(row.role ?? 'member'),
    status: row.status === 'pending' ? 'pending' : 'active',
    wantsEmail: row.wantsEmail === true,
    joinedAt: typeof row.joinedAt === 'string' ? row.joinedAt : null,
    nextEvents: (Array.isArray(row.nextEvents) ? (row.nextEvents as CmsOccurrence[]) : []).map((e) => toOccurrenceCard(e, locale)),
  };
}

/** My groups (and my requests to join), each with its next events. */
export async function listMyGroups(fetch: Fetch, token: string, locale: string): Promise<MyGroup[]> {
  const body = await readJson(await memberCall(fetch, token, `/me/groups?locale=${encodeURIComponent(locale)}`));
  return (Array.isArray(body?.data) ? body.data : []).filter((row: any) => typeof row?.group?.slug === 'string').map((row: any) => toMyGroup(row, locale));
}

/** My membership of one group (or my request to join it), without events; null when there is none. */
export async function getMembership(fetch: Fetch, token: string, slug: string, locale: string): Promise<Omit<MyGroup, 'nextEvents'> | null> {
  const response = await memberCall(fetch, token, `/me/memberships/${encodeURIComponent(slug)}`, {}, [404]);
  if (response.status === 404) return null;
  const body = await readJson(response);
  if (typeof body?.data?.group?.slug !== 'string') unavailable(cmsUrl(`${API}/me/memberships/${slug}`, []), 'no membership');
  const { nextEvents: _nextEvents, ...membership } = toMyGroup({ ...body.data, nextEvents: [] }, locale);
  return membership;
}

/** Joins a group (or asks to, when the group approves its members). */
export async function joinGroup(fetch: Fetch, token: string, slug: string): Promise<{ ok: true; status: MembershipStatus } | Refusal> {
  const response = await memberCall(fetch, token, '/me/memberships', { method: 'POST', body: { group: slug } }, [400, 403, 404, 409]);
  if (!response.ok) return refusal(response);
  const body = await readJson(response);
  return { ok: true, status: body?.data?.status === 'pending' ? 'pending' : 'active' };
}

/** Leaves a group, or withdraws a request to join it. */
export async function leaveGroup(fetch: Fetch, token: string, slug: string): Promise<void> {
  await memberCall(fetch, token, `/me/memberships/${encodeURIComponent(slug)}`, { method: 'DELETE' }, [404]);
}

export async function setGroupEmail(fetch: Fetch, token: string, slug: string, wantsEmail: boolean): Promise<void> {
  await memberCall(fetch, token, `/me/memberships/${encodeURIComponent(slug)}`, { method: 'PATCH', body: { wantsEmail } });
}

/** Requests to join the groups I coordinate, waiting for a decision. */
export async function listRequests(fetch: Fetch, token: string): Promise<JoinRequest[]> {
  const body = await readJson(await memberCall(fetch, token, '/me/requests'));
  return (Array.isArray(body?.data) ? body.data : [])
    .filter((row: any) => typeof row?.documentId === 'string')
    .map((row: any) => ({
      documentId: row.documentId,
      group: { slug: String(row.group?.slug ?? ''), name: String(row.group?.name ?? row.group?.slug ?? '') },
      member: { name: String(row.member?.displayName || row.member?.username || row.member?.name || '') },
      requestedAt: typeof row.requestedAt === 'string' ? row.requestedAt : typeof row.createdAt === 'string' ? row.createdAt : null,
    }));
}

export async function decideRequest(fetch: Fetch, token: string, documentId: string, decision: 'approve' | 'decline'): Promise<boolean> {
  const response = await memberCall(fetch, token, `/me/requests/${encodeURIComponent(documentId)}/${decision}`, { method: 'POST' }, [403, 404, 409]);
  return response.ok;
}

export async function getAccount(fetch: Fetch, token: string): Promise<Account> {
  const body = await readJson(await memberCall(fetch, token, '/me/account'));
  const data = body?.data ?? {};
  return {
    username: String(data.username ?? ''),
    email: typeof data.email === 'string' ? data.email : null,
    displayName: typeof data.displayName === 'string' ? data.displayName : null,
    locale: typeof data.locale === 'string' ? data.locale : null,
  };
}

export async function updateAccount(fetch: Fetch, token: string, changes: { displayName?: string; locale?: string }): Promise<{ ok: true } | Refusal> {
  const response = await memberCall(fetch, token, '/me/account', { method: 'PUT', body: changes }, [400]);
  return response.ok ? { ok: true } : refusal(response);
}

/** Deletes the account: memberships go, sessions end; what the person wrote stays, as a former member's. */
export async function deleteAccount(fetch: Fetch, token: string): Promise<void> {
  await memberCall(fetch, token, '/me/account', { method: 'DELETE' });
}

/** The CMS's answer with everything it keeps about me, to pass on as a download. */
export async function exportData(fetch: Fetch, token: string): Promise<Response> {
  return memberCall(fetch, token, '/me/export');
}

export async function listIdentities(fetch: Fetch, token: string): Promise<Identity[]> {
  const body = await readJson(await memberCall(fetch, token, '/me/identities'));
  return (Array.isArray(body?.data) ? body.data : [])
    .filter((row: any) => typeof row?.provider === 'string')
    .map((row: any) => ({ provider: row.provider, name: String(row.name ?? row.provider), linkedAt: typeof row.linkedAt === 'string' ? row.linkedAt : null }));
}

/** A ticket that lets the next sign-in with `provider` be added to my account. */
export async function linkTicket(fetch: Fetch, token: string, provider: string): Promise<string | Refusal> {
  const response = await memberCall(fetch, token, '/me/identities/link', { method: 'POST', body: { provider } }, [400, 409]);
  if (!response.ok) return refusal(response);
  const body = await readJson(response);
  if (typeof body?.ticket !== 'string') unavailable(cmsUrl(`${API}/me/identities/link`, []), 'no ticket');
  return body.ticket;
}

/** Unlinks a sign-in method; refused (409) when it is the last way to sign in. */
export async function unlinkIdentity(fetch: Fetch, token: string, provider: string): Promise<{ ok: true } | Refusal> {
  const response = await memberCall(fetch, token, `/me/identities/${encodeURIComponent(provider)}`, { method: 'DELETE' }, [404, 409]);
  return response.ok ? { ok: true } : refusal(response);
}

/** The address of my private calendar (made on first asking). */
export async function getCalendarUrl(fetch: Fetch, token: string): Promise<string> {
  const body = await readJson(await memberCall(fetch, token, '/me/calendar'));
  if (typeof body?.data?.url !== 'string') unavailable(cmsUrl(`${API}/me/calendar`, []), 'no calendar address');
  return body.data.url;
}

/** A new address for my calendar: the old one stops working at once. */
export async function renewCalendarUrl(fetch: Fetch, token: string): Promise<string> {
  const body = await readJson(await memberCall(fetch, token, '/me/calendar/renew', { method: 'POST' }));
  const url = body?.data?.url ?? body?.url;
  if (typeof url !== 'string') unavailable(cmsUrl(`${API}/me/calendar/renew`, []), 'no calendar address');
  return url;
}

/** users-permissions' own account routes (`/api/auth/…`), sent for the visitor. */
async function sendAccountRoute(fetch: Fetch, path: string, body: unknown, visitor: string): Promise<Response> {
  const url = cmsUrl(`/api/auth${path}`, []);
  const vouch = visitorAddressHeader(visitor, env.VISITOR_ADDRESS_SECRET);
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...(vouch ? { [VISITOR_HEADER]: vouch } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    unavailable(url, cause);
  }
}

/** Asks for a password reset e-mail; the answer is the same whether or not an account has the address. */
export async function requestPasswordReset(fetch: Fetch, email: string, visitor: string): Promise<{ ok: true } | Refusal> {
  const response = await sendAccountRoute(fetch, '/forgot-password', { email }, visitor);
  if (response.ok) return { ok: true };
  if (response.status === 400 || response.status === 429) return refusal(response);
  unavailable(cmsUrl('/api/auth/forgot-password', []), `HTTP ${response.status}`);
}

/** Sets a new password with the code of a reset e-mail; every session of the account ends. */
export async function resetPassword(
  fetch: Fetch,
  reset: { code: string; password: string; passwordConfirmation: string },
  visitor: string,
): Promise<{ ok: true } | Refusal> {
  const response = await sendAccountRoute(fetch, '/reset-password', reset, visitor);
  if (response.ok) return { ok: true };
  if (response.status === 400 || response.status === 429) return refusal(response);
  unavailable(cmsUrl('/api/auth/reset-password', []), `HTTP ${response.status}`);
}
