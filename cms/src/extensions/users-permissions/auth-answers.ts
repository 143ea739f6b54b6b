import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { sendAfterAnswer } from './account-mail';

type Action = (ctx: any, ...rest: unknown[]) => unknown;
type ControllerFactory = (args: { strapi: Core.Strapi }) => Record<string, Action>;
type Account = { id: number; email: string; confirmed?: boolean; blocked?: boolean };

const USER = 'plugin::users-permissions.user';
const INVALID_CREDENTIALS = 'Invalid identifier or password';

const validateEmailBody = validateYupSchema(yup.object({ email: yup.string().email().required() }).noUnknown());

/**
 * Makes users-permissions' sign-in and account-mail routes answer alike for every
 * address, so nobody learns from them which addresses have an account: the same answer
 * for an existing, unknown, blocked or already confirmed account, in the same time
 * (mail goes out after the answer; an unknown account costs a password comparison too).
 * Malformed input still gets its 400, which says nothing about accounts.
 */
export function answerAlike(controllers: Record<string, ControllerFactory>) {
  const upstream = controllers.auth!;
  controllers.auth = ({ strapi }) => {
    const auth = upstream({ strapi });
    const users = () => strapi.plugin('users-permissions').service('user');
    const byEmail = (email: string) =>
      strapi.db.query(USER).findOne({ where: { email: email.toLowerCase() } }) as Promise<Account | null>;

    let decoy: Promise<string> | undefined;
    // A hash made like the accounts' own, to compare an unknown account's password with.
    const decoyHash = () =>
      (decoy ??= users()
        .ensureHashedPasswords({ password: randomBytes(24).toString('base64url') })
        .then((values: { password: string }) => values.password));
    const emailSignInEnabled = async () => {
      const grant = (await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'grant' }).get()) as any;
      return grant?.email?.enabled === true;
    };

    return {
      ...auth,

      async forgotPassword(ctx: any) {
        const { email } = await validateEmailBody(ctx.request.body);
        sendAfterAnswer(
          strapi,
          'password reset',
          async () => {
            const account = await byEmail(email);
            return account && !account.blocked ? account : null;
          },
          // Upstream's own action writes the reset token and renders its template; its answer is not used.
          () => auth.forgotPassword!({ request: { body: { email } }, state: ctx.state, send() {} }) as Promise<unknown>,
        );
        ctx.send({ ok: true });
      },

      async sendEmailConfirmation(ctx: any) {
        const { email } = await validateEmailBody(ctx.request.body);
        sendAfterAnswer(
          strapi,
          'address confirmation',
          async () => {
            const account = await byEmail(email);
            return account && !account.confirmed && !account.blocked ? account : null;
          },
          (account) => users().sendConfirmationEmail(account),
        );
        ctx.send({ email, sent: true });
      },

      async callback(ctx: any, ...rest: unknown[]) {
        const provider = ctx.params?.provider ?? 'local';
        const { identifier, password } = (ctx.request.body ?? {}) as Record<string, unknown>;
        const wellFormed = typeof identifier === 'string' && identifier !== '' && typeof password === 'string' && password !== '';
        if (provider === 'local' && wellFormed && (await emailSignInEnabled())) {
          const account = await strapi.db.query(USER).findOne({
            select: ['id', 'password'],
            where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
          });
          if (!account?.password) {
            await users().validatePassword(password, await decoyHash());
            throw new errors.ValidationError(INVALID_CREDENTIALS);
          }
        }
        return auth.callback!(ctx, ...rest);
      },
    };
  };
}
