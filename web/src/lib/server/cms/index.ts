/** The only way the site reaches the CMS: typed reads of its content API, the application form's write, and members' calls. */
export { contentVersion } from './client';
export { listLatestActivity, listRecentlyActiveGroups, type ActivityItem } from './activity';
export { submitGroupApplication, type ApplicationResult } from './applications';
export {
  toEventCard,
  toGroupCard,
  type CmsEvent,
  type CmsGroup,
  type EventCard,
  type EventFormat,
  type EventState,
  type GroupCard,
} from './cards';
export type { CmsList, Fetch, LocalizedEntry, Pagination } from './client';
export {
  directoryFilters,
  getGroupFeatures,
  listGroups,
  searchGroups,
  type DirectoryGroup,
  type DirectoryPage,
  type GroupPage,
} from './directory';
export { getEvent, type EventDetail, type NextOccurrence } from './events';
export {
  listEventDates,
  listNextOccurrences,
  listOccurrencesBetween,
  listUpcomingEvents,
  type OccurrenceCard,
  type OccurrenceFilters,
} from './occurrences';
export { getGroup, getGroupName, listWorkingGroups, type GroupDetail, type ResourceLink, type WorkingGroupDetails } from './groups';
export { getPage, type Attachment, type PageDetail } from './pages';
export {
  getRegion,
  listRegionChoices,
  listRegions,
  type RegionContact,
  type RegionDetail,
  type RegionSummary,
} from './regions';
export { listSitemapEntries, listSitemapSlice } from './sitemap-entries';
export { excerptOf, listPhotos, listPosts, type ImportedImage, type ImportedPhoto, type ImportedPost } from './imported';
export { activityFeedUrl, calendarFeed, fetchEventCalendar, type CalendarFeed, type CalendarFilters } from './calendar-feeds';
export {
  decideRequest,
  deleteAccount,
  exchangeCode,
  exportData,
  getMembership,
  getAccount,
  getCalendarUrl,
  joinGroup,
  leaveGroup,
  linkTicket,
  listIdentities,
  listMyGroups,
  listProviders,
  listRequests,
  providerStartUrl,
  register,
  renewCalendarUrl,
  requestPasswordReset,
  resetPassword,
  setGroupEmail,
  signInWithPassword,
  signOut,
  unlinkIdentity,
  updateAccount,
  whoIs,
  type Account,
  type Identity,
  type JoinPolicy,
  type JoinRequest,
  type Member,
  type MembershipStatus,
  type MyGroup,
  type Provider,
  type Refusal,
  type Session,
} from './members';
