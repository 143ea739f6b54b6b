import { LOCALE_CODES } from '@chapterhouse/config';

/** The admin speaks every language of the portal (English is always there). */
export default {
  config: {
    locales: LOCALE_CODES.filter((code) => code !== 'en'),
  },
  bootstrap() {},
};
