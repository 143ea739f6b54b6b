import { normalizeAddress, VISITOR_HEADER, vouchedAddress } from '../members/client-address';

/**
 * Route middleware of the routes whose limits count visitors (users-permissions' account
 * e-mails, applications to start a group): the request's address becomes the visitor the
 * website vouches for, so that a limit counts visitors, not the website's server; the
 * vouched address, when there is one, is kept in `ctx.state.vouchedAddress`.
 */
const visitorAddress = () => async (ctx: any, next: () => Promise<void>) => {
  const vouched = vouchedAddress(ctx.get(VISITOR_HEADER), process.env.VISITOR_ADDRESS_SECRET);
  ctx.state.vouchedAddress = vouched;
  ctx.request.ip = vouched ?? normalizeAddress(ctx.request.ip);
  await next();
};

export default visitorAddress;
