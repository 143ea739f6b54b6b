/** The user-interface strings of the site, one catalog per offered locale. */
import { ar } from './ar';
import { de } from './de';
import { en, type Catalog, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { ptBR } from './pt-BR';
import { zhHans } from './zh-Hans';

export type { Catalog, Message, MessageKey, PluralForms } from './en';

export const MESSAGES: Readonly<Record<string, Catalog>> = {
  en,
  fr,
  de,
  es,
  'pt-BR': ptBR,
  ja,
  'zh-Hans': zhHans,
  ar,
};

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];
