import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findLocale, confirmationMail } from '@chapterhouse/config';
import { publicCacheControl } from '../middlewares/public-cache';
import { IdentityInUse, LastWayToSignIn, type Identities } from '../members/identities';
import { oidcFinish, oidcStart, type VerifiedIdentity } from '../members/oidc-protocol';
import { openid2Finish, openid2Start } from '../members/openid2-protocol';
import { enabledProvider, enabledProviders, type OidcSettings, type OpenId2Settings } from '../members/providers';
import type { Sessions } from '../members/sessions';
import { randomToken, type SignInCodes } from '../members/sign-in-codes';

const USER = 'plugin::users-permissions.user';
/** The cookie that ties a sign-in's state to the browser that started it (against login CSRF). */
const STATE_COOKIE = 'chapterhouse_sign_in';
const COOKIE_PATH = '/api/community/auth';
const REGISTER_FIELDS = ['username', 'email', 'password', 'locale'];
const START_PARAMETERS = ['returnTo', 'link'];
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const USERNAME = /^[\p{L}\p{N}._-]{3,50}$/u;

/** A local path of the website: one leading slash, no scheme or host, no backslash or control character. */
export function isLocalPath(value: string) {
  const controlCharacter = [...value].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
  return value.length <= 1000 && /^\/(?![/\\])/.test(value) && !value.includes('\\') && !controlCharacter;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * Sign-in with outside providers and registration: the providers that are on, the
 * redirect to the provider and back, the one-time code the website exchanges for a
 * session, e-mail registration, and the ways an account signs in (link, unlink).
 */
const signIn = ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('community');
  const codes = () => plugin().service('sign-in-codes') as SignInCodes;
  const identities = () => plugin().service('identities') as Identities;
  const sessions = () => plugin().service('sessions') as Sessions;

  const cmsUrl = () => String(strapi.config.get('server.absoluteUrl') || strapi.config.get('server.url') || '').replace(/\/+$/, '');
  const webUrl = () => String(strapi.config.get('plugin::community.webUrl')).replace(/\/+$/, '');
  /** The one callback URL of a provider, registered with it; the only redirect URI ever sent. */
  const callbackUrl = (provider: string) => `${cmsUrl()}/api/community/auth/${provider}/callback`;

  const done = (ctx: any, query: Record<string, string>) => {
    ctx.cookies.set(STATE_COOKIE, null, { path: COOKIE_PATH });
    ctx.set('Cache-Control', 'no-store');
    ctx.redirect(`${webUrl()}/auth/done?${new URLSearchParams(query)}`);
  };

  const outsideProvider = (id: unknown) => {
    const provider = enabledProvider(id);
    if (!provider || provider.settings.protocol === 'password') throw new errors.NotFoundError('No such sign-in provider is on.');
    return provider as typeof provider & { settings: OidcSettings | OpenId2Settings };
  };

  return {
    providers(ctx: any) {
      // The same for everybody until the settings change (a restart): shared caches may keep it.
      ctx.set('Cache-Control', publicCacheControl(strapi));
      ctx.body = { data: enabledProviders().map(({ id, name }) => ({ id, name })) };
    },

    async start(ctx: any) {
      const unknown = Object.keys(ctx.query ?? {}).filter((name) => !START_PARAMETERS.includes(name));
      if (unknown.length) throw new errors.ValidationError(`Unknown query parameter(s): ${unknown.join(', ').slice(0, 200)}. Allowed: ${START_PARAMETERS.join(', ')}.`);
      const provider = outsideProvider(ctx.params.provider);
      const { returnTo = '/', link } = ctx.query as Record<string, unknown>;
      if (typeof returnTo !== 'string' || !isLocalPath(returnTo)) {
        throw new errors.ValidationError('returnTo must be a path on the website (starting with a single "/").');
      }
      let linkTo: number | null = null;
      if (link !== undefined) {
        const ticket = await codes().redeem('link', link);
        if (!ticket || ticket.provider !== provider.id) throw new errors.ValidationError('This link ticket is unknown, used or expired: ask for a new one.');
        linkTo = ticket.userId;
      }
      const state = randomToken();
      const begun =
        provider.settings.protocol === 'oidc'
          ? await oidcStart(provider.settings, callbackUrl(provider.id), state)
          : { url: await openid2Start(provider.settings, callbackUrl(provider.id), state), codeVerifier: null, nonce: null };
      await codes().saveState(state, { provider: provider.id, codeVerifier: begun.codeVerifier, nonce: begun.nonce, returnTo, linkTo });
      const secure = cmsUrl().startsWith('https:');
      if (secure) ctx.cookies.secure = true;
      ctx.cookies.set(STATE_COOKIE, state, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: 10 * 60_000, overwrite: true });
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(begun.url);
    },

    async callback(ctx: any) {
      const provider = outsideProvider(ctx.params.provider);
      const state = ctx.query.state;
      // The state must be the one this browser was given at the start, and a sign-in still waiting for it.
      if (typeof state !== 'string' || state !== ctx.cookies.get(STATE_COOKIE)) return done(ctx, { error: 'state' });
      const record = await codes().takeState(state);
      if (!record || record.provider !== provider.id) return done(ctx, { error: 'state' });
      if (ctx.query.error !== undefined || ctx.query['openid.mode'] === 'cancel') return done(ctx, { error: 'denied' });

      let identity: VerifiedIdentity;
      try {
        const query = String(ctx.querystring ?? '');
        identity =
          provider.settings.protocol === 'oidc'
            ? await oidcFinish(provider.settings, callbackUrl(provider.id), query, { state, nonce: record.nonce ?? '', codeVerifier: record.codeVerifier })
            : await openid2Finish(provider.settings, callbackUrl(provider.id), query, state);
      } catch (error) {
        strapi.log.warn(`Sign-in with ${provider.id} refused: ${error instanceof Error ? error.message : String(error)}`);
        return done(ctx, { error: 'provider' });
      }

      let userId: number | null;
      if (record.linkTo !== null) {
        try {
          await identities().link(provider.id, identity, record.linkTo);
        } catch (error) {
          if (error instanceof IdentityInUse) return done(ctx, { error: 'in-use' });
          throw error;
        }
        userId = record.linkTo;
      } else {
        userId = await identities().signIn(provider.id, identity);
        if (userId === null) return done(ctx, { error: 'blocked' });
      }
      const code = await codes().issue('session', userId, { provider: provider.id, returnTo: record.returnTo });
      return done(ctx, { code });
    },

    async exchange(ctx: any) {
      const body = ctx.request.body;
      if (!isPlainObject(body) || typeof body.code !== 'string') throw new errors.ValidationError('Send { "code": … } as JSON.');
      const redeemed = await codes().redeem('session', body.code);
      const refused = 'This code is unknown, used or expired: sign in again.';
      if (!redeemed) throw new errors.ValidationError(refused);
      const { token, expiresAt } = await sessions().create(redeemed.userId);
      const member = await sessions().resolve(token);
      if (!member) {
        await sessions().end(token);
        throw new errors.ValidationError(refused);
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        session: token,
        expiresAt: expiresAt.toISOString(),
        member: { username: member.username, email: member.email, confirmed: member.confirmed },
        returnTo: redeemed.returnTo && isLocalPath(redeemed.returnTo) ? redeemed.returnTo : '/',
      };
    },

    /**
     * E-mail registration. The answer is the same whether the address (or username) is
     * taken or not, and goes out before any account work, so neither it nor its timing
     * tells who has an account. The account can sign in at once; it is confirmed by the
     * link in the e-mail, in the account's language.
     */
    async register(ctx: any) {
      if (!enabledProvider('email')) throw new errors.NotFoundError('E-mail sign-in is off.');
      const body = ctx.request.body;
      if (!isPlainObject(body)) throw new errors.ValidationError('Send { "username", "email", "password", "locale"? } as JSON.');
      const unknown = Object.keys(body).filter((key) => !REGISTER_FIELDS.includes(key));
      if (unknown.length) throw new errors.ValidationError(`Unknown field(s): ${unknown.join(', ').slice(0, 200)}. Allowed: ${REGISTER_FIELDS.join(', ')}.`);
      const { username, email, password, locale } = body;
      if (typeof username !== 'string' || !USERNAME.test(username)) {
        throw new errors.ValidationError('username must be 3 to 50 letters, digits, ".", "_" or "-".');
      }
      if (typeof email !== 'string' || email.length > 255 || !EMAIL.test(email)) throw new errors.ValidationError('email must be an e-mail address.');
      if (typeof password !== 'string' || password.length < 8 || Buffer.byteLength(password) > 72) {
        throw new errors.ValidationError('password must be 8 to 72 bytes long.');
      }
      if (locale !== undefined && (typeof locale !== 'string' || !findLocale(locale))) throw new errors.ValidationError('locale is not one of the portal’s languages.');
      const address = email.toLowerCase();
      const language = typeof locale === 'string' ? findLocale(locale)! : null;

      setTimeout(() => {
        createAccount(username, address, password, language).catch((error: unknown) =>
          strapi.log.error(`A registration failed: ${error instanceof Error ? error.message.replace(/\S+@\S+/g, '<address>') : String(error)}`),
        );
      }, 0);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { sent: true };
    },

    async identities(ctx: any) {
      ctx.body = { data: await identities().list(ctx.state.member.id) };
    },

    async linkTicket(ctx: any) {
      const body = ctx.request.body;
      if (!isPlainObject(body) || typeof body.provider !== 'string') throw new errors.ValidationError('Send { "provider": … } as JSON.');
      const provider = enabledProvider(body.provider);
      if (!provider || provider.settings.protocol === 'password') throw new errors.ValidationError('No such sign-in provider is on.');
      ctx.body = { ticket: await codes().issue('link', ctx.state.member.id, { provider: provider.id }) };
    },

    async unlink(ctx: any) {
      try {
        if (!(await identities().unlink(ctx.state.member.id, String(ctx.params.provider)))) {
          throw new errors.NotFoundError('This account does not sign in with that provider.');
        }
      } catch (error) {
        if (!(error instanceof LastWayToSignIn)) throw error;
        ctx.status = 409;
        ctx.body = { data: null, error: { status: 409, name: 'ConflictError', message: error.message, details: {} } };
        return;
      }
      ctx.status = 204;
    },
  };

  async function createAccount(username: string, email: string, password: string, locale: string | null) {
    const users = strapi.db.query(USER);
    if (await users.findOne({ where: { email, provider: 'local' }, select: ['id'] })) return;
    let name = username;
    if (await users.findOne({ where: { username: name }, select: ['id'] })) name = `${username.slice(0, 43)}-${randomBytes(3).toString('hex')}`;
    const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get()) as { default_role?: string } | null;
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: advanced?.default_role ?? 'authenticated' } })) as { id: number };
    const confirmationToken = randomBytes(20).toString('hex');
    const userService = strapi.plugin('users-permissions').service('user') as { ensureHashedPasswords(values: object): Promise<{ password: string }> };
    const { password: hash } = await userService.ensureHashedPasswords({ password });
    await users.create({
      data: { username: name, email, password: hash, provider: 'local', confirmed: false, blocked: false, role: role.id, confirmationToken, preferredLocale: locale },
    });
    const link = `${cmsUrl()}/api/auth/email-confirmation?confirmation=${confirmationToken}`;
    const mail = confirmationMail(locale, name, link);
    await strapi.plugin('email').service('email').send({ to: email, subject: mail.subject, text: mail.text });
  }
};

export default signIn;
