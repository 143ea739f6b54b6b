import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALE_CODES, nextOccurrence } from '@chapterhouse/config';
import { events, groups, pages, people, regions } from './data';
import type { Localized } from './types';
import { addDays, wallTimeToInstant } from './time';

type Strapi = Core.Strapi;

const CONTENT: UID.ContentType[] = [
  'api::membership.membership',
  'api::event.event',
  'api::resource.resource',
  'api::group.group',
  'api::page.page',
  'api::region.region',
  'api::group-application.group-application',
];

export interface SeedReport {
  created: Record<string, number>;
}

/**
 * A fresh copy of `data` without undefined values: Strapi rewrites component data in
 * place when it saves, and stores an empty component for a key that is present but
 * undefined.
 */
function withoutUndefined<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

/** The texts of one locale, for the fields that have them there. */
function textsIn(locale: string, localized: Record<string, Localized | undefined>) {
  return Object.fromEntries(
    Object.entries(localized)
      .map(([key, value]) => [key, (value as Record<string, unknown> | undefined)?.[locale]])
      .filter(([, text]) => text !== undefined),
  );
}

async function findBySlug(strapi: Strapi, uid: UID.ContentType, slug: string) {
  return strapi.documents(uid).findFirst({ filters: { slug }, locale: DEFAULT_LOCALE, status: 'draft' } as any);
}

/**
 * Creates a localized document in the default locale, adds its translations and
 * publishes every locale — unless a document with that slug already exists.
 * `localized` holds the texts per locale; `perLocale` adds locale-specific data
 * (such as a localized component) for the locales it returns something for.
 */
async function ensureLocalized(
  strapi: Strapi,
  uid: UID.ContentType,
  slug: string,
  shared: Record<string, unknown>,
  localized: Record<string, Localized | undefined>,
  report: SeedReport,
  options: { relations?: Record<string, unknown>; perLocale?: (locale: string) => Record<string, unknown> | undefined } = {},
): Promise<string> {
  const existing = await findBySlug(strapi, uid, slug);
  if (existing) return existing.documentId;
  const dataIn = (locale: string) => withoutUndefined({ ...shared, ...textsIn(locale, localized), ...options.perLocale?.(locale), slug });
  const doc = await strapi
    .documents(uid)
    .create({ locale: DEFAULT_LOCALE, data: { ...dataIn(DEFAULT_LOCALE), ...options.relations } } as any);
  const locales = new Set<string>();
  for (const value of Object.values(localized)) for (const locale of Object.keys(value ?? {})) locales.add(locale);
  for (const locale of LOCALE_CODES) if (options.perLocale?.(locale)) locales.add(locale);
  locales.delete(DEFAULT_LOCALE);
  // A new locale version is validated as a whole, so it carries the shared fields too;
  // relations stay on the default-locale version, which the API reads them from.
  for (const locale of locales) {
    await strapi.documents(uid).update({ documentId: doc.documentId, locale, data: dataIn(locale) } as any);
  }
  await (strapi.documents(uid) as any).publish({ documentId: doc.documentId, locale: '*' });
  report.created[uid] = (report.created[uid] ?? 0) + 1;
  return doc.documentId;
}

function workingGroupData(wg: (typeof groups)[number]['workingGroup']) {
  if (!wg) return undefined;
  return {
    scope: wg.scope,
    chairs: wg.chairs,
    meetingNotesUrl: wg.meetingNotesUrl,
    repositoryUrl: wg.repositoryUrl,
    channels: wg.channels,
  };
}

async function ensureFile(strapi: Strapi, name: string, report: SeedReport): Promise<number> {
  const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name } });
  if (existing) return existing.id;
  const filepath = path.join(strapi.dirs.app.root, 'seed-assets', name);
  const ext = path.extname(name).toLowerCase();
  const mimetype = ext === '.svg' ? 'image/svg+xml' : ext === '.png' ? 'image/png' : 'text/plain';
  const [file] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({ data: { fileInfo: { name } }, files: { filepath, originalFilename: name, mimetype, size: fs.statSync(filepath).size } });
  report.created['plugin::upload.file'] = (report.created['plugin::upload.file'] ?? 0) + 1;
  return file.id;
}

async function ensurePeople(strapi: Strapi, report: SeedReport): Promise<Map<string, string>> {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const ids = new Map<string, string>();
  for (const person of people) {
    let user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: person.username } });
    if (!user) {
      user = await strapi.plugin('users-permissions').service('user').add({
        username: person.username,
        email: person.email,
        displayName: person.displayName,
        // Demo accounts cannot be signed into until a password is set through the reset flow.
        password: randomBytes(24).toString('base64url'),
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role?.id,
      });
      report.created['plugin::users-permissions.user'] = (report.created['plugin::users-permissions.user'] ?? 0) + 1;
    } else if (!user.displayName) {
      // Accounts seeded before people had public names get theirs; a name someone set stays.
      await strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { displayName: person.displayName } });
      report.created['plugin::users-permissions.user.displayName'] = (report.created['plugin::users-permissions.user.displayName'] ?? 0) + 1;
    }
    ids.set(person.username, user.documentId);
  }
  return ids;
}

/**
 * Loads the demo community. Every record is looked up by its stable key (slug,
 * username, file name) and created only when missing, so running it again changes
 * nothing.
 */
export async function seedDemo(strapi: Strapi, today = new Date()): Promise<SeedReport> {
  const report: SeedReport = { created: {} };

  const regionIds = new Map<string, string>();
  for (const region of regions) {
    const id = await ensureLocalized(
      strapi,
      'api::region.region',
      region.slug,
      { countries: region.countries, contacts: region.contacts },
      { name: region.name },
      report,
    );
    regionIds.set(region.slug, id);
  }

  const userIds = await ensurePeople(strapi, report);

  const groupIds = new Map<string, string>();
  for (const group of groups) {
    const existed = await findBySlug(strapi, 'api::group.group', group.slug);
    const wg = group.workingGroup;
    const id = await ensureLocalized(
      strapi,
      'api::group.group',
      group.slug,
      {
        name: group.name,
        kind: group.kind,
        state: group.status,
        joinPolicy: group.joinPolicy ?? 'open',
        languages: group.languages,
        country: group.country,
        city: group.city,
        latitude: group.latitude,
        longitude: group.longitude,
        timezone: group.timezone,
        website: group.website,
        contactEmail: group.contactEmail,
        feeds: group.feeds,
      },
      { summary: group.summary, description: group.description },
      report,
      {
        relations: { region: regionIds.get(group.region) },
        // Working-group details are a localized component: each locale carries its own scope.
        perLocale: (locale) => {
          const scope = wg?.scope[locale as keyof typeof wg.scope] ?? (locale === DEFAULT_LOCALE ? wg?.scope.en : undefined);
          return wg && scope ? { workingGroup: { ...workingGroupData(wg), scope } } : undefined;
        },
      },
    );
    groupIds.set(group.slug, id);
    if (existed) continue;

    for (const resource of group.resources) {
      await strapi.documents('api::resource.resource').create({ data: withoutUndefined({ ...resource, group: id }) } as any);
      report.created['api::resource.resource'] = (report.created['api::resource.resource'] ?? 0) + 1;
    }
    for (const [index, username] of group.coordinators.entries()) {
      const user = userIds.get(username);
      if (!user) throw new Error(`Demo group ${group.slug} names an unknown coordinator ${username}`);
      await strapi.documents('api::membership.membership').create({
        data: { user, group: id, role: 'coordinator', joinedAt: new Date(Date.UTC(2021 + index, 2, 1)).toISOString(), wantsEmail: true },
      } as any);
      report.created['api::membership.membership'] = (report.created['api::membership.membership'] ?? 0) + 1;
    }
  }

  for (const event of events) {
    const at = (offset: number) => {
      const date = addDays(today, offset);
      return event.allDay ? new Date(`${date}T00:00:00.000Z`) : wallTimeToInstant(date, event.startTime, event.timezone);
    };
    // Offsets name a day near which a series starts or skips a meeting: its own occurrence on
    // or after that day, since a series must start on one of its occurrences.
    const firstFrom = (startsAt: Date, from: Date) =>
      event.recurrence
        ? (nextOccurrence({ startsAt, endsAt: startsAt, timezone: event.timezone, allDay: event.allDay, recurrence: event.recurrence }, from)?.start ?? startsAt)
        : startsAt;
    const start = firstFrom(at(event.dayOffset), at(event.dayOffset));
    const end = new Date(start.getTime() + event.durationMinutes * 60_000);
    const exceptionDates = event.exceptionDayOffsets?.map((offset) => firstFrom(start, at(offset)).toISOString());
    const changes = event.changes?.map((change) => {
      const original = firstFrom(start, at(change.dayOffset));
      const moved = new Date(original.getTime() + ((change.moveDays ?? 0) * 1440 + (change.moveMinutes ?? 0)) * 60_000);
      return change.cancelled
        ? { originalStart: original.toISOString(), cancelled: true }
        : { originalStart: original.toISOString(), startsAt: moved.toISOString(), endsAt: new Date(moved.getTime() + event.durationMinutes * 60_000).toISOString() };
    });
    await ensureLocalized(
      strapi,
      'api::event.event',
      event.slug,
      {
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
        timezone: event.timezone,
        allDay: event.allDay ?? false,
        recurrence: event.recurrence,
        exceptionDates,
        changes,
        format: event.format,
        venue: event.venue,
        onlineUrl: event.onlineUrl,
        type: event.type,
        registrationUrl: event.registrationUrl,
        state: event.status,
        language: event.language,
      },
      { title: event.title, description: event.description },
      report,
      { relations: { group: groupIds.get(event.group) } },
    );
  }

  for (const page of pages) {
    const existed = await findBySlug(strapi, 'api::page.page', page.slug);
    if (existed) continue;
    const attachments: number[] = [];
    for (const name of page.attachments ?? []) attachments.push(await ensureFile(strapi, name, report));
    await ensureLocalized(
      strapi,
      'api::page.page',
      page.slug,
      { category: page.category, attachments },
      { title: page.title, summary: page.summary, body: page.body },
      report,
    );
  }

  return report;
}

export async function seedDemoIfEmpty(strapi: Strapi) {
  const count = await strapi.db.query('api::group.group').count();
  if (count > 0) return;
  strapi.log.info('Empty database: loading the demo community…');
  const report = await seedDemo(strapi);
  strapi.log.info(`Demo community loaded: ${JSON.stringify(report.created)}`);
}

/** Removes all portal content and the demo accounts, then loads the demo again. */
export async function resetDemo(strapi: Strapi): Promise<SeedReport> {
  for (const uid of CONTENT) {
    const rows: { documentId: string }[] = await strapi.db.query(uid).findMany({ select: ['documentId'] });
    for (const documentId of new Set(rows.map((r) => r.documentId))) {
      await strapi.documents(uid).delete({ documentId, locale: '*' } as any);
    }
  }
  const usernames = people.map((p) => p.username);
  await strapi.db.query('plugin::users-permissions.user').deleteMany({ where: { username: { $in: usernames } } });
  return seedDemo(strapi);
}
