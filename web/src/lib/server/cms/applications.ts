import { env } from '$env/dynamic/private';
import type { GroupApplication } from '$lib/application-form';
import { VISITOR_HEADER, visitorAddressHeader } from '../visitor-address';
import { cmsUrl, TIMEOUT_MS, unavailable, type Fetch } from './client';

export type ApplicationResult =
  | { ok: true }
  | { ok: false; status: 400; message: string }
  | { ok: false; status: 429; message: string };

/** The header that carries the form's stamp to the CMS, which takes one application per stamp. */
const FORM_STAMP_HEADER = 'x-form-stamp';

/**
 * Sends a "start a group" application to the CMS on the visitor's behalf, vouching for
 * the visitor's address so that the CMS's rate limit counts each visitor on their own.
 * A form sent twice (a double click, a replay) is stored once; the second answer says
 * it was received, since it was.
 */
export async function submitGroupApplication(
  fetch: Fetch,
  application: GroupApplication,
  visitorAddress: string,
  stamp: string,
): Promise<ApplicationResult> {
  const url = cmsUrl('/api/group-applications', []);
  const vouch = visitorAddressHeader(visitorAddress, env.VISITOR_ADDRESS_SECRET);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        [FORM_STAMP_HEADER]: stamp,
        ...(vouch ? { [VISITOR_HEADER]: vouch } : {}),
      },
      body: JSON.stringify({ data: application }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    unavailable(url, cause);
  }
  if (response.status === 201 || response.status === 409) return { ok: true };
  const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : '';
  if (response.status === 400 || response.status === 429) return { ok: false, status: response.status, message };
  unavailable(url, `HTTP ${response.status}`);
}
