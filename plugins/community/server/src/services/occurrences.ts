import type { Core } from '@strapi/strapi';
import type { LocaleRequest } from '@chapterhouse/config';
import { errors } from '@strapi/utils';
import { applyFilters, canonicalLanguage, matchesLanguage } from '../calendar/calendar-query';
import { listEventOccurrences, listOccurrences, type OccurrenceRow } from '../calendar/occurrence-list';
import type { OccurrenceQuery } from '../calendar/occurrence-query';
import { matchesText } from '../calendar/text-match';
import type { EventRow } from './published-content';
import { getService } from '../utils';

export interface OccurrencePage {
  data: OccurrenceRow[];
  meta: {
    pagination: { page: number; pageSize: number; pageCount: number; total: number };
    locale: LocaleRequest;
    /** The languages of the rows every filter but `language` leaves (for a language picker), sorted. */
    languages: string[];
  };
}

/** The community calendar's events as occurrences in a window, expanded by the recurrence engine, one page at a time. */
const occurrences = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** A 400 naming the region, group or event the query names that does not exist (published). */
  async checkNames(query: OccurrenceQuery): Promise<void> {
    const content = getService(strapi, 'published-content');
    if (query.filters.region && !(await content.region(query.filters.region))) {
      throw new errors.ValidationError(`"region": no published region has the slug "${query.filters.region}".`);
    }
    if (query.group && !(await content.group(query.group, query.locale.chain))) {
      throw new errors.ValidationError(`"group": no published group has the slug "${query.group}".`);
    }
    if (query.event && !(await content.events({ documentId: query.event, withoutVenue: true }, query.locale.chain)).length) {
      throw new errors.ValidationError(`"event": no published event has the documentId "${query.event}".`);
    }
  },

  /**
   * One page of the query's occurrences. A caller that has read the query's published events
   * already (every event of the group it names, without venues) passes them as `known`: they are
   * not read again, and the names are not checked, since the caller found them.
   */
  async list(query: OccurrenceQuery, known?: EventRow[]): Promise<OccurrencePage> {
    const content = getService(strapi, 'published-content');
    const { filters } = query;
    // Looking back (a descending list) needs the events that ended before `from` too.
    const since = query.descending ? undefined : (query.from ?? undefined);
    const published = known ?? (await content.events({ from: since, group: query.group, documentId: query.event, withoutVenue: true }, query.locale.chain));
    // A name that matches nothing is only looked up when nothing came back: most requests name what exists.
    if (!published.length && !known) await this.checkNames(query);
    const { language, ...others } = filters;
    const events = applyFilters(published, others).filter((event) => !query.q || matchesText(query.q, [event.title, event.description, event.group?.name]));
    const rows = query.distinct ? listEventOccurrences(events, query) : listOccurrences(events, query.from!, query.to!);
    if (!query.distinct && query.descending) rows.reverse();
    // The languages a picker can offer: those of the rows every other filter leaves.
    const languages = [...new Set(rows.flatMap((row) => (row.language ? [canonicalLanguage(row.language) ?? row.language] : [])))].sort();
    const all = language ? rows.filter((row) => matchesLanguage(row.language, language)) : rows;
    if (filters.region && !all.length && !known) await this.checkNames(query);
    const start = (query.page - 1) * query.pageSize;
    return {
      data: all.slice(start, start + query.pageSize),
      meta: {
        pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(all.length / query.pageSize)), total: all.length },
        locale: query.locale,
        languages,
      },
    };
  },
});

export default occurrences;
