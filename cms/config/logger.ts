import { winston, formats } from '@strapi/logger';

const { prettyPrint, levelFilter } = formats;

const level = process.env.LOG_LEVEL ?? 'http';

const config = {
  transports: [
    new winston.transports.Console({
      level,
      format: winston.format.combine(levelFilter(level), prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' })),
    }),
  ],
};

export default config;
