import feedState from './feed-state/schema.json';
import memberCalendar from './member-calendar/schema.json';
import identity from './identity/schema.json';
import photo from './photo/schema.json';
import post from './post/schema.json';
import rateLimit from './rate-limit/schema.json';
import session from './session/schema.json';
import signInCode from './sign-in-code/schema.json';
import signInState from './sign-in-state/schema.json';

export default {
  post: { schema: post },
  photo: { schema: photo },
  'feed-state': { schema: feedState },
  'rate-limit': { schema: rateLimit },
  session: { schema: session },
  'member-calendar': { schema: memberCalendar },
  identity: { schema: identity },
  'sign-in-state': { schema: signInState },
  'sign-in-code': { schema: signInCode },
};
