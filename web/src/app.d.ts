// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** The locale of the page: the URL prefix, or the negotiated one on pages without it. */
      locale: string;
      /** Who the session cookie speaks for (resolved once per request), or null for an anonymous visitor. */
      member: import('$lib/server/cms').Member | null;
      /** The session token of `member`, for the CMS's member routes. */
      session: string | null;
    }
  }
}

export {};
