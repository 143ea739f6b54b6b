import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors, validateYupSchema, yup } from '@strapi/utils';
import { confirmationMail, resetMail } from '@chapterhouse/config';
import { sendAfterAnswer } from './account-mail';

type Action = (ctx: any, ...rest: unknown[]) => unknown;
type ControllerFactory = (args: { strapi: Core.Strapi }) => Record<string, Action>;
type Account = { id: number; email: string; username: string; preferredLocale?: string | null; confirmed?: boolean; blocked?: boolean };

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
    // Only an account with a password has a password to reset or an address to confirm: one that signs in
    // through a provider may carry the same address, and must not take its mail.
    const byEmail = (email: string) =>
      strapi.db.query(USER).findOne({ where: { email: email.toLowerCase(), provider: 'local' } }) as Promise<Account | null>;
    const advanced = async () => ((await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' }).get()) ?? {}) as Record<string, unknown>;
    const cmsAddress = () => String(strapi.config.get('server.absoluteUrl')).replace(/\/+$/, '');
    /** An account e-mail in the account's language, from the sender set in the admin's e-mail templates. */
    const mail = async (account: Account, template: 'reset_password' | 'email_confirmation', message: { subject: string; text: string }) => {
      const templates = (await strapi.store({ type: 'plugin', name: 'users-permissions', key: 'email' }).get()) as any;
      const from = templates?.[template]?.options?.from;
      await strapi.plugin('email').service('email').send({
        to: account.email,
        ...(from?.email ? { from: from.name ? `${from.name} <${from.email}>` : from.email } : {}),
        ...(templates?.[template]?.options?.response_email ? { replyTo: templates[template].options.response_email } : {}),
        subject: message.subject,
        text: message.text,
      });
    };

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
          async (account) => {
            const token = randomBytes(64).toString('hex');
            // Written before sending, so that an administrator can still hand the link over if the mail fails.
            await strapi.db.query(USER).update({ where: { id: account.id }, data: { resetPasswordToken: token } });
            const page = String((await advanced()).email_reset_password ?? `${cmsAddress()}/api/auth/reset-password`);
            await mail(account, 'reset_password', resetMail(account.preferredLocale, account.username, `${page}?code=${token}`));
          },
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
          async (account) => {
            const token = randomBytes(20).toString('hex');
            await strapi.db.query(USER).update({ where: { id: account.id }, data: { confirmationToken: token } });
            const link = `${cmsAddress()}/api/auth/email-confirmation?confirmation=${token}`;
            await mail(account, 'email_confirmation', confirmationMail(account.preferredLocale, account.username, link));
          },
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
