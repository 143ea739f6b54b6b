import { fallbackChain } from '@chapterhouse/config';
import type { Catalog } from './messages';
import { registerCatalogs } from './translate';

/**
 * Each locale's catalog as its own script: the browser fetches those of the page's locale
 * and its fallbacks, once, and keeps them (the files are immutable). Pages do not carry
 * their catalogs in their data, so every page is smaller and cheaper to render.
 */
const CHUNKS: Readonly<Record<string, () => Promise<Catalog>>> = {
  en: () => import('./messages/en').then((module) => module.en),
  fr: () => import('./messages/fr').then((module) => module.fr),
  de: () => import('./messages/de').then((module) => module.de),
  es: () => import('./messages/es').then((module) => module.es),
  'pt-BR': () => import('./messages/pt-BR').then((module) => module.ptBR),
  ja: () => import('./messages/ja').then((module) => module.ja),
  'zh-Hans': () => import('./messages/zh-Hans').then((module) => module.zhHans),
  ar: () => import('./messages/ar').then((module) => module.ar),
};

const loaded = new Set<string>();

/** Registers the catalogs of `locale` and its fallback chain that are not there yet. */
export async function loadCatalogs(locale: string): Promise<void> {
  const missing = fallbackChain(locale).filter((code) => CHUNKS[code] && !loaded.has(code));
  if (!missing.length) return;
  const catalogs = await Promise.all(missing.map((code) => CHUNKS[code]!()));
  registerCatalogs(Object.fromEntries(missing.map((code, index) => [code, catalogs[index]!])));
  for (const code of missing) loaded.add(code);
}
