// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      /** The locale of the page: the URL prefix, or the negotiated one on pages without it. */
      locale: string;
    }
  }
}

export {};
