import * as React from 'react';
import { Box, Button, EmptyStateLayout, Field, Flex, LinkButton, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { EmptyDocuments } from '@strapi/icons/symbols';
import { Layouts, Page, isFetchError, useAPIErrorHandler, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { FeedsTable } from '../components/feeds-table';
import { ImportProgress } from '../components/import-progress';
import { HEALTHS, countByFilter, filterFeeds, isRunning, type FeedStatus, type HealthFilter } from '../feeds/feed-view';
import { useFeedHealth } from '../feeds/use-feed-health';
import { healthMessages, messages } from '../messages';
import { PERMISSIONS } from '../permissions';

const GROUPS = '/content-manager/collection-types/api::group.group';

/** "Now" for relative dates, moved on every half minute so "3 minutes ago" stays true. */
function useNow(everyMs: number): Date {
  const [now, setNow] = React.useState(() => new Date());
  React.useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Every group's feeds with their health; editors with the import permission can import now. */
export function FeedsPage() {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  const { allowedActions, isLoading: loadingPermissions } = useRBAC(PERMISSIONS.import);
  const { feeds, run, error, pollError, startImport } = useFeedHealth();
  const [filter, setFilter] = React.useState<HealthFilter>('all');
  const [importingFeed, setImportingFeed] = React.useState<number | null>(null);
  const [starting, setStarting] = React.useState(false);
  const now = useNow(30_000);
  const running = isRunning(run) || starting;
  const canImport = !loadingPermissions && allowedActions.canImport === true;

  const begin = async (feed?: FeedStatus) => {
    setStarting(true);
    setImportingFeed(feed?.id ?? null);
    try {
      await startImport(feed?.id ?? undefined);
    } catch (cause) {
      const reason = isFetchError(cause) ? formatAPIError(cause) : String(cause);
      toggleNotification({ type: 'danger', message: formatMessage(messages.importFailed, { reason }) });
    } finally {
      setStarting(false);
    }
  };

  const title = formatMessage(messages.title);
  if (error) return <Page.Error content={formatMessage(messages.loadFailed)} />;
  if (!feeds) return <Page.Loading />;

  const counts = countByFilter(feeds);
  const shown = filterFeeds(feeds, filter);

  return (
    <Page.Main aria-busy={running}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(messages.subtitle)}
        primaryAction={
          canImport && feeds.length > 0 ? (
            <Button startIcon={<ArrowClockwise />} onClick={() => begin()} disabled={running} loading={running && importingFeed === null}>
              {formatMessage(messages.importAll)}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <ImportProgress run={run} pollFailed={Boolean(pollError)} />
          {feeds.length === 0 ? (
            <EmptyStateLayout
              icon={<EmptyDocuments width="16rem" />}
              content={formatMessage(messages.empty)}
              action={
                <LinkButton tag={RouterLink} to={GROUPS} variant="secondary">
                  {formatMessage(messages.emptyAction)}
                </LinkButton>
              }
            />
          ) : (
            <>
              <Box maxWidth="32rem">
                <Field.Root name="health" id="community-feeds-health">
                  <Field.Label>{formatMessage(messages.filterLabel)}</Field.Label>
                  <SingleSelect value={filter} onChange={(value) => setFilter(value as HealthFilter)}>
                    <SingleSelectOption value="all">{formatMessage(messages.filterAll, { count: counts.all })}</SingleSelectOption>
                    <SingleSelectOption value="attention">{formatMessage(messages.filterAttention, { count: counts.attention })}</SingleSelectOption>
                    {HEALTHS.map((health) => (
                      <SingleSelectOption key={health} value={health}>
                        {formatMessage(messages.filterHealth, { health: formatMessage(healthMessages[health]), count: counts[health] })}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
              {shown.length === 0 ? (
                <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
                  <Typography>{formatMessage(messages.emptyFiltered)}</Typography>
                </Box>
              ) : (
                <FeedsTable feeds={shown} now={now} onImport={canImport ? begin : undefined} importing={running} importingFeed={importingFeed} />
              )}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}
