import { clientAddress } from '../members/client-address';

/**
 * Route middleware put before users-permissions' own rate limit (password reset, address
 * confirmation, …): the request's address becomes the visitor the website vouches for, so
 * that limit counts visitors, not the website's server.
 */
const visitorAddress = () => async (ctx: any, next: () => Promise<void>) => {
  ctx.request.ip = clientAddress(ctx);
  await next();
};

export default visitorAddress;
