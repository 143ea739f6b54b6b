/** A language the portal is offered in: its BCP 47 tag and its name in itself. */
export interface LocaleInfo {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

export const DEFAULT_LOCALE = 'en';

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' },
  { code: 'ja', name: '日本語', dir: 'ltr' },
  { code: 'zh-Hans', name: '简体中文', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
];

export const LOCALE_CODES: readonly string[] = LOCALES.map((l) => l.code);

const byLowerCase = new Map(LOCALE_CODES.map((code) => [code.toLowerCase(), code]));

/** The configured spelling of a locale tag (`pt-br` → `pt-BR`), or undefined when it is not offered. */
export function findLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  return byLowerCase.get(tag.trim().toLowerCase());
}

/**
 * Extra steps for tags whose shorter forms do not say enough: Chinese scripts and
 * regions map onto the script subtag, Portuguese variants onto Brazilian Portuguese.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  zh: ['zh-Hans'],
  'zh-cn': ['zh-Hans'],
  'zh-sg': ['zh-Hans'],
  'zh-my': ['zh-Hans'],
  pt: ['pt-BR'],
  'pt-pt': ['pt', 'pt-BR'],
};

/**
 * The locales to try, best first, for a requested tag: the tag itself, then each
 * shorter form (pt-BR → pt), then the default locale. Only offered locales appear,
 * each once, and the chain always ends with the default locale.
 */
export function fallbackChain(tag: string | null | undefined): string[] {
  const chain: string[] = [];
  const add = (candidate: string) => {
    const found = findLocale(candidate);
    if (found && !chain.includes(found)) chain.push(found);
  };
  if (tag) {
    const parts = tag.trim().split(/[-_]/).filter(Boolean);
    for (let n = parts.length; n > 0; n--) {
      const prefix = parts.slice(0, n).join('-');
      add(prefix);
      for (const alias of ALIASES[prefix.toLowerCase()] ?? []) add(alias);
    }
  }
  add(DEFAULT_LOCALE);
  return chain;
}

/** Scripts written right to left (ISO 15924) that a living language is written in. */
const RIGHT_TO_LEFT_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/**
 * The direction text in a language is written in: an offered locale's own setting, else
 * that of the script the tag names or its language is usually written in (`fa`, `he-IL`,
 * `ur` → rtl; `az-Arab` → rtl but `az` → ltr). Unknown or malformed tags are ltr.
 */
export function textDirection(tag: string | null | undefined): 'ltr' | 'rtl' {
  if (!tag) return 'ltr';
  const offered = findLocale(tag);
  if (offered) return LOCALES.find((l) => l.code === offered)!.dir;
  try {
    const script = new Intl.Locale(tag.trim()).maximize().script;
    return script && RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Parses an Accept-Language header into tags ordered by quality (q=0 dropped). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * Picks the offered locale for a visitor: an explicit choice (URL or cookie) when it is
 * offered, else the first Accept-Language entry that maps onto an offered locale, else
 * the default.
 */
export function negotiateLocale(options: {
  explicit?: (string | null | undefined)[];
  acceptLanguage?: string | null;
}): string {
  for (const tag of options.explicit ?? []) {
    const found = findLocale(tag);
    if (found) return found;
  }
  for (const tag of parseAcceptLanguage(options.acceptLanguage)) {
    const [first] = fallbackChain(tag);
    if (first && (first !== DEFAULT_LOCALE || tag.toLowerCase().startsWith(DEFAULT_LOCALE))) {
      return first;
    }
  }
  return DEFAULT_LOCALE;
}
