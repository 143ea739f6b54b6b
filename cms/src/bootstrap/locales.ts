import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '@chapterhouse/config';

/** Makes Strapi's i18n locales match the shared list in config/, with the same default. */
export async function ensureLocales(strapi: Core.Strapi) {
  const service = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await service.find();
  for (const locale of LOCALES) {
    if (!existing.some((l) => l.code === locale.code)) {
      await service.create({ code: locale.code, name: locale.name });
    }
  }
  if ((await service.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await service.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
