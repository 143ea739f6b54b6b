import { randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** The longest the work waits after the answer, a random time, so the load it puts on the server does not follow the request that caused it. */
const MAX_DELAY_MS = 1000;

const ADDRESS = /(?:"[^"]*"|[^\s<>"'(),;:@]+)@[^\s<>"'(),;:@]+/g;

/** An error message as it may be logged: any e-mail address in it replaced by a placeholder. */
export function withoutAddresses(message: string): string {
  return message.replace(ADDRESS, '<address>');
}

/**
 * Does an account e-mail's work (finding the account, its token, sending) some time
 * after the answer has gone out, so the answer and its timing are the same whether the
 * account exists or not. A failure (a mail provider that is down or refuses) is logged
 * with the account's id, never with its address, and never reaches the caller.
 */
export function sendAfterAnswer<Account extends { id: number }>(
  strapi: Core.Strapi,
  what: string,
  recipient: () => Promise<Account | null>,
  send: (account: Account) => Promise<unknown>,
) {
  setTimeout(async () => {
    let account: Account | null = null;
    try {
      account = await recipient();
      if (account) await send(account);
    } catch (error) {
      const reason = withoutAddresses(error instanceof Error ? error.message : String(error));
      strapi.log.error(`The ${what} e-mail${account ? ` for account ${account.id}` : ''} could not be sent: ${reason}`);
    }
  }, randomInt(MAX_DELAY_MS));
}
