import type { Core } from '@strapi/strapi';
import type { LocaleRequest } from '@chapterhouse/config';
import { errors } from '@strapi/utils';
import { applyFilters } from '../calendar/calendar-query';
import { listOccurrences, type OccurrenceRow } from '../calendar/occurrence-list';
import type { OccurrenceQuery } from '../calendar/occurrence-query';
import { getService } from '../utils';

export interface OccurrencePage {
  data: OccurrenceRow[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number }; locale: LocaleRequest };
}

/** The community calendar's events as occurrences in a window, expanded by the recurrence engine, one page at a time. */
const occurrences = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(query: OccurrenceQuery): Promise<OccurrencePage> {
    const content = getService(strapi, 'published-content');
    const { filters } = query;
    if (filters.region && !(await content.region(filters.region))) {
      throw new errors.ValidationError(`"region": no published region has the slug "${filters.region}".`);
    }
    if (query.group && !(await content.group(query.group, query.locale.chain))) {
      throw new errors.ValidationError(`"group": no published group has the slug "${query.group}".`);
    }
    const events = applyFilters(await content.events({ from: query.from, group: query.group }, query.locale.chain), filters);
    const all = listOccurrences(events, query.from, query.to);
    const start = (query.page - 1) * query.pageSize;
    return {
      data: all.slice(start, start + query.pageSize),
      meta: {
        pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(all.length / query.pageSize)), total: all.length },
        locale: query.locale,
      },
    };
  },
});

export default occurrences;
