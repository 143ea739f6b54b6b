import account from './account';
import apiDescription from './api-description';
import activityFeed from './activity-feed';
import calendar from './calendar';
import contentVersion from './content-version';
import feeds from './feeds';
import geojson from './geojson';
import health from './health';
import imported from './imported';
import memberSession from './member-session';
import memberships from './memberships';
import myCalendar from './my-calendar';
import occurrences from './occurrences';
import signIn from './sign-in';

export default {
  'api-description': apiDescription,
  'activity-feed': activityFeed,
  calendar,
  'content-version': contentVersion,
  feeds,
  geojson,
  health,
  imported,
  'member-session': memberSession,
  occurrences,
  memberships,
  'my-calendar': myCalendar,
  account,
  'sign-in': signIn,
};
