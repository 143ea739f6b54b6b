import { createHash } from 'node:crypto';
import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { corsPolicyOf } from '@chapterhouse/config';

const UID = 'api::group-application.group-application';

/** Fields a visitor may send; everything else in the payload is refused. */
const FIELDS = ['proposedName', 'city', 'country', 'languages', 'contactName', 'contactEmail', 'message'] as const;
const TEXT_FIELDS = FIELDS.filter((field) => field !== 'languages');
const MAX_LANGUAGES = 20;

/** The header in which the website passes on the signed stamp of the form the visitor sent: one stamp, one application. */
export const FORM_STAMP_HEADER = 'x-form-stamp';

function checkTypes(data: Record<string, unknown>) {
  for (const field of TEXT_FIELDS) {
    if (field in data && typeof data[field] !== 'string') throw new errors.ValidationError(`${field} must be text`, { field });
    if (typeof data[field] === 'string' && (data[field] as string).includes('\u0000')) throw new errors.ValidationError(`${field} contains a NUL character`, { field });
  }
  const { languages } = data;
  if (languages !== undefined && !(Array.isArray(languages) && languages.length <= MAX_LANGUAGES && languages.every((l) => typeof l === 'string' && l.length <= 35))) {
    throw new errors.ValidationError(`languages must be a list of at most ${MAX_LANGUAGES} language tags`, { field: 'languages' });
  }
}

/** Applications are checked and stored one at a time in each instance (and across instances, see acrossInstances). */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Runs the check and the write in one transaction that, on PostgreSQL, holds a lock every
 * CMS instance takes for applications, so two instances cannot both let through the last
 * application a limit allows, or one stamp twice.
 */
async function acrossInstances<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  return strapi.db.transaction(async ({ trx }): Promise<T> => {
    if (strapi.db.dialect.client === 'postgres') await trx.raw(`select pg_advisory_xact_lock(hashtext('chapterhouse.group-applications'))`);
    return work();
  });
}

function refuse(ctx: any, status: number, name: string, message: string) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message } };
}

export default factories.createCoreController(UID, ({ strapi }) => ({
  /**
   * A visitor's request to start a group. The answer says only that it was
   * received; the stored application is visible to editors alone. Submissions are
   * limited per client address over a rolling hour, counted in the database so the
   * limit holds across instances. The client is the visitor the website vouches for
   * (the community plugin's members/client-address.ts), else the address of the connection. Only JSON is taken,
   * and not from pages of other sites (the website posts from its server).
   */
  async create(ctx) {
    const { limit, windowMinutes } = strapi.config.get('api.groupApplications', { limit: 5, windowMinutes: 60 }) as {
      limit: number;
      windowMinutes: number;
    };
    // The route's visitor-address middleware has read the website's signed header (see the router).
    const vouched = ctx.state.vouchedAddress as string | undefined;
    // The website's server proves itself by its signature, whatever Origin its requests carry.
    if (!vouched && corsPolicyOf(strapi).isForeign(ctx)) {
      return refuse(ctx, 403, 'ForbiddenError', 'Applications are accepted from the portal\'s own website only');
    }
    if (!ctx.is('application/json')) {
      return refuse(ctx, 415, 'UnsupportedMediaTypeError', 'Send the application as JSON (Content-Type: application/json)');
    }
    const data = (ctx.request as any).body?.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new errors.ValidationError('Send the application as {"data": {...}}');
    }
    const unknown = Object.keys(data).filter((key) => !(FIELDS as readonly string[]).includes(key));
    if (unknown.length) {
      throw new errors.ValidationError(`Unknown field(s): ${unknown.join(', ').slice(0, 200)}. Allowed: ${FIELDS.join(', ')}`);
    }
    checkTypes(data);

    const secret = strapi.config.get('server.app.keys', [''])[0];
    const client = ctx.request.ip as string;
    const submitterKey = createHash('sha256').update(`${secret}:${client}`).digest('hex').slice(0, 32);
    const stamp = ctx.get(FORM_STAMP_HEADER);
    const stampKey = stamp ? createHash('sha256').update(`${secret}:stamp:${stamp.slice(0, 200)}`).digest('hex').slice(0, 32) : null;

    return oneAtATime(() => acrossInstances(strapi, async () => {
      if (stampKey && (await strapi.documents(UID).count({ filters: { stampKey } as any }))) {
        return refuse(ctx, 409, 'ConflictError', 'This form was sent already; open the page again to send another application.');
      }
      const since = new Date(Date.now() - windowMinutes * 60_000).toISOString();
      const recent = await strapi.documents(UID).count({ filters: { submitterKey, createdAt: { $gt: since } } as any });
      if (recent >= limit) {
        ctx.set('Retry-After', String(windowMinutes * 60));
        return refuse(ctx, 429, 'TooManyRequests', `Too many applications from your address; please try again in ${windowMinutes} minutes.`);
      }
      const picked = Object.fromEntries(FIELDS.filter((key) => key in data).map((key) => [key, data[key]]));
      const created = await strapi.documents(UID).create({ data: { ...picked, state: 'new', submitterKey, stampKey } as any });
      ctx.status = 201;
      ctx.body = { data: { documentId: created.documentId, status: 'received' } };
    }));
  },
}));
