import type { Core } from '@strapi/strapi';
import type { CachedRepresentation } from '../http/cached-representation';

/** An anonymous content-API answer as the public cache keeps it, with what it is valid for. */
export interface PublicAnswer {
  representation: CachedRepresentation;
  type: string;
  cacheControl: string;
  lastModified: Date | null;
  disposition: string;
  /** The content version it was computed in. */
  version: string;
  /** For answers that also depend on the date: the length of their period and the period they were computed in. */
  periodMs?: number;
  period?: number;
  /** When the answer stops being true although no content changed (an event's next occurrence ends), in ms. */
  freshUntil: number;
}

// Counted as if both copies were made: the gzipped one, made on first demand, is no larger than the plain one (give or take a header).
const sizeOf = (answer: PublicAnswer) => 2 * answer.representation.body.length;

export const periodOf = (periodMs: number | undefined, now = Date.now()) => (periodMs ? Math.floor(now / periodMs) : undefined);

/**
 * The anonymous answers of one CMS instance, by URL (they name the configured public
 * addresses, never the Host asked for, so the URL is the whole key), within a byte budget:
 * the least recently used go first. Shared by every route's cache middleware and by the
 * one that answers before the others run.
 */
const publicAnswers = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, PublicAnswer>();
  let bytes = 0;
  // Bytes the cache of one CMS instance holds (plain and gzipped copies).
  const maxBytes = () => (strapi.config.get('plugin::community.publicCacheBytes') as number | undefined) ?? 64 * 1024 * 1024;

  function forget(url: string) {
    const old = entries.get(url);
    if (!old) return;
    entries.delete(url);
    bytes -= sizeOf(old);
  }

  return {
    /** The answer kept for `url` if it is still valid for `version` (and, for dated answers, now). */
    get(url: string, version: string, now = Date.now()): PublicAnswer | undefined {
      const answer = entries.get(url);
      if (!answer) return undefined;
      if (answer.version !== version || answer.period !== periodOf(answer.periodMs, now)) return undefined;
      if (answer.freshUntil <= now) {
        forget(url);
        return undefined;
      }
      // Most recently used last: a Map keeps insertion order.
      entries.delete(url);
      entries.set(url, answer);
      return answer;
    },

    set(url: string, answer: PublicAnswer) {
      forget(url);
      const size = sizeOf(answer);
      const budget = maxBytes();
      if (size > budget / 4) return;
      entries.set(url, answer);
      bytes += size;
      while (bytes > budget) forget(entries.keys().next().value as string);
    },
  };
};

export default publicAnswers;
