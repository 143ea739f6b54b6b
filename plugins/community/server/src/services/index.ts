import account from './account';
import apiDescription from './api-description';
import activityFeed from './activity-feed';
import calendar from './calendar';
import contentVersion from './content-version';
import feedImport from './feed-import';
import geojson from './geojson';
import health from './health';
import importedItems from './imported-items';
import memberships from './memberships';
import myCalendar from './my-calendar';
import occurrences from './occurrences';
import publicAnswers from './public-answers';
import publishedContent from './published-content';
import sessions from './sessions';
import identities from './identities';
import signInCodes from './sign-in-codes';

export default {
  'api-description': apiDescription,
  'activity-feed': activityFeed,
  calendar,
  occurrences,
  'published-content': publishedContent,
  'public-answers': publicAnswers,
  'content-version': contentVersion,
  'feed-import': feedImport,
  geojson,
  health,
  'imported-items': importedItems,
  sessions,
  memberships,
  'my-calendar': myCalendar,
  account,
  identities,
  'sign-in-codes': signInCodes,
};
