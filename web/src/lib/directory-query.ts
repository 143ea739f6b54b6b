import { displayNames } from '$lib/intl';
import { GROUP_KINDS, GROUP_STATUSES, isCountryCode, type GroupKind, type GroupStatus, isSlug } from '@chapterhouse/config';
import { parsePageParam } from './pagination';

/** A point on Earth in degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** What a visitor asked the group directory for; every field is already valid. */
export interface DirectoryQuery {
  q?: string;
  country?: string;
  region?: string;
  language?: string;
  kind?: GroupKind;
  status?: GroupStatus;
  near?: LatLng;
  page: number;
}

const MAX_QUERY_LENGTH = 100;
// A BCP 47 tag as the CMS validates them: language, then script/region/variant subtags.
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8}){0,3}$/;
const NUMBER = /^-?\d{1,3}(?:\.\d{1,8})?$/;

/** Reads `?near=lat,lng`; anything that is not a point on Earth gives undefined. */
export function parseNear(value: string | null | undefined): LatLng | undefined {
  if (!value) return undefined;
  const [lat = '', lng = '', ...rest] = value.split(',').map((part) => part.trim());
  if (rest.length || !NUMBER.test(lat) || !NUMBER.test(lng)) return undefined;
  const point = { lat: Number(lat), lng: Number(lng) };
  if (Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) return undefined;
  return point;
}

/** The canonical spelling of a BCP 47 tag (`pt-br` → `pt-BR`, `ZH-hans` → `zh-Hans`), or undefined. */
export function normalizeLanguageTag(value: string | null | undefined): string | undefined {
  if (!value || !LANGUAGE_TAG.test(value)) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

function one<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/**
 * The directory's filters from a URL's search parameters. Values that are malformed or
 * unknown are dropped, so a hand-edited or stale URL still shows a sensible list.
 */
export function parseDirectoryQuery(params: URLSearchParams): DirectoryQuery {
  const query: DirectoryQuery = { page: parsePageParam(params.get('page')) };
  const q = params.get('q')?.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  if (q) query.q = q;
  const country = params.get('country')?.trim().toUpperCase();
  if (isCountryCode(country)) query.country = country;
  const region = params.get('region')?.trim().toLowerCase();
  if (region && region.length <= 80 && isSlug(region)) query.region = region;
  const language = normalizeLanguageTag(params.get('language')?.trim());
  if (language) query.language = language;
  const kind = one(params.get('kind'), GROUP_KINDS);
  if (kind) query.kind = kind;
  const status = one(params.get('status'), GROUP_STATUSES);
  if (status) query.status = status;
  const near = parseNear(params.get('near'));
  if (near) query.near = near;
  return query;
}

/** The search string for a query, in a stable order; page 1 and empty filters are left out. */
export function serializeDirectoryQuery(query: Partial<DirectoryQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.country) params.set('country', query.country);
  if (query.region) params.set('region', query.region);
  if (query.language) params.set('language', query.language);
  if (query.kind) params.set('kind', query.kind);
  if (query.status) params.set('status', query.status);
  if (query.near) params.set('near', `${round(query.near.lat)},${round(query.near.lng)}`);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Four decimals are about 10 m: precise enough to sort by, vague enough not to pin a home. */
function round(value: number): string {
  return String(Math.round(value * 1e4) / 1e4);
}

/** True when the visitor narrowed the list in any way (search or filter). */
export function hasFilters(query: DirectoryQuery): boolean {
  return Boolean(query.q || query.country || query.region || query.language || query.kind || query.status);
}

/**
 * Country codes and language tags whose names, in the visitor's language or English,
 * have a word starting with the search text: the CMS stores codes, visitors type names.
 */
export function namesMatching(text: string, locale: string, codes: readonly string[], type: 'region' | 'language'): string[] {
  const needle = fold(text);
  if (needle.length < 2) return [];
  const readers = [...new Set([locale, 'en'])].map((l) => displayNames([l], { type, fallback: 'none' }));
  return codes.filter((code) =>
    readers.some((names) => {
      const name = names.of(code);
      if (name === undefined) return false;
      const folded = fold(name);
      return folded.startsWith(needle) || folded.split(/[\s,()-]+/).some((word) => word.startsWith(needle));
    }),
  );
}

/** Lower case without accents, so "Peru" finds "Perú" and "zurich" finds "Zürich". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** ISO 639-1 codes of languages a group is likely to speak; their names are searchable. */
export const SEARCHABLE_LANGUAGES: readonly string[] = (
  'af am ar az be bg bn bs ca cs cy da de el en eo es et eu fa fi fil fr ga gl gu ha he hi hr hu hy id ig is it ' +
  'ja jv ka kk km kn ko ku ky lb lo lt lv mk ml mn mr ms mt my nb ne nl nn no pa pl ps pt pt-BR pt-PT ro ru rw ' +
  'si sk sl so sq sr sv sw ta te tg th tk tl tr tt uk ur uz vi xh yo zh zh-Hans zh-Hant zu'
).split(' ');
