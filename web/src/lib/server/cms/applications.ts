import type { GroupApplication } from '$lib/application-form';
import { cmsUrl, TIMEOUT_MS, unavailable, type Fetch } from './client';

export type ApplicationResult =
  | { ok: true }
  | { ok: false; status: 400; message: string }
  | { ok: false; status: 429; message: string };

/** Sends a "start a group" application to the CMS on the visitor's behalf. */
export async function submitGroupApplication(fetch: Fetch, application: GroupApplication): Promise<ApplicationResult> {
  const url = cmsUrl('/api/group-applications', []);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ data: application }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    unavailable(url, cause);
  }
  if (response.status === 201) return { ok: true };
  const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  const message = typeof body?.error?.message === 'string' ? body.error.message : '';
  if (response.status === 400 || response.status === 429) return { ok: false, status: response.status, message };
  unavailable(url, `HTTP ${response.status}`);
}
