import { afterAll, describe, expect, inject, it } from 'vitest';
import { admin, editor, requestFrom } from '../api/client';

/** A POST to the start-a-group form from its own loopback address, so the CMS counts it apart from other tests' applications. */
function postForm(fields: Record<string, string>) {
  return requestFrom(
    '127.0.0.9',
    'POST',
    `${inject('webUrl')}/en/start-a-group`,
    { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: inject('webUrl') },
    new URLSearchParams(fields).toString(),
  );
}

const applications = (name: string) =>
  editor.list('api::group-application.group-application', `filters[proposedName][$eq]=${encodeURIComponent(name)}`);

describe('the start-a-group form with characters nobody types', () => {
  const name = 'Control Characters Test Group';

  afterAll(async () => {
    for (const { documentId } of (await applications(name)).body.results ?? []) {
      await admin.send('DELETE', `/content-manager/collection-types/api::group-application.group-application/${documentId}`);
    }
  });

  it('stores the application without them (a NUL made PostgreSQL refuse it, a 503)', async () => {
    const html = await (await fetch(`${inject('webUrl')}/en/start-a-group`)).text();
    const stamp = /name="stamp" value="([^"]+)"/.exec(html)?.[1];
    expect(stamp).toBeTruthy();
    // The form refuses answers sent sooner than a person could type them.
    await new Promise((resolve) => setTimeout(resolve, 3200));
    const sent = await postForm({
      proposedName: `Control\u0000 Characters Test Group\u001b`,
      city: 'Lyon\u0000',
      country: 'FR',
      languages: 'fr',
      contactName: 'Nul\u0000 Tester',
      contactEmail: 'nul.tester@example.org',
      message: 'Sent by the cross-package tests\u0000 with control characters,\n\tplease ignore.\u007f',
      stamp: stamp!,
    });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('Thank you!');
    const [stored] = (await applications(name)).body.results;
    expect(stored).toMatchObject({ city: 'Lyon', contactName: 'Nul Tester', message: 'Sent by the cross-package tests with control characters,\n\tplease ignore.' });
  });
});
