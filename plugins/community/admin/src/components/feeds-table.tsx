import { Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { FeedStatus } from '../feeds/feed-view';
import { kindMessages, messages } from '../messages';
import { HealthBadge } from './health-badge';
import { When } from './when';

interface Props {
  feeds: FeedStatus[];
  now: Date;
  /** Absent without the import permission: the row buttons are not shown at all. */
  onImport?: (feed: FeedStatus) => void;
  /** True while a run is going: one run at a time. */
  importing: boolean;
  /** The feed whose own import is running, for its button's spinner. */
  importingFeed: number | null;
}

/** Strapi's tables keep every cell on one line; these cells may wrap so the table fits the screen. */
const WRAP = { whiteSpace: 'normal' } as const;

const COLUMNS = [
  messages.columnGroup,
  messages.columnFeed,
  messages.columnKind,
  messages.columnHealth,
  messages.columnLastSuccess,
  messages.columnLastError,
  messages.columnItems,
  messages.columnNextAttempt,
];

/** One row per feed: where it comes from, its health, and when it is next fetched. */
export function FeedsTable({ feeds, now, onImport, importing, importingFeed }: Props) {
  const { formatMessage, formatNumber } = useIntl();
  return (
    <Table colCount={COLUMNS.length + (onImport ? 1 : 0)} rowCount={feeds.length + 1} aria-label={formatMessage(messages.tableLabel)}>
      <Thead>
        <Tr>
          {COLUMNS.map((column) => (
            <Th key={column.id}>
              <Typography variant="sigma" textColor="neutral600" style={WRAP}>
                {formatMessage(column)}
              </Typography>
            </Th>
          ))}
          {onImport && (
            <Th>
              <VisuallyHidden>{formatMessage(messages.columnActions)}</VisuallyHidden>
            </Th>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {feeds.map((feed) => {
          const name = feed.title ?? feed.url;
          const nextDue = feed.nextAttemptAt !== null && Date.parse(feed.nextAttemptAt) <= now.getTime();
          return (
            <Tr key={`${feed.group.slug} ${feed.url}`} data-feed={feed.url}>
              <Td>
                <Typography textColor="neutral800" style={WRAP}>
                  {feed.group.name}
                </Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="stretch" gap={1} maxWidth="22rem">
                  {feed.title && (
                    <Typography textColor="neutral800" fontWeight="semiBold" ellipsis>
                      {feed.title}
                    </Typography>
                  )}
                  {/* Long addresses are cut short on screen; the link and its title hold the whole one. */}
                  <Typography variant="pi" textColor="primary600" ellipsis>
                    <a href={feed.url} title={feed.url} target="_blank" rel="noopener noreferrer nofollow" style={{ color: 'inherit' }}>
                      {feed.url}
                    </a>
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <Typography textColor="neutral800">{formatMessage(kindMessages[feed.kind])}</Typography>
              </Td>
              <Td>
                <HealthBadge health={feed.health} />
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  <When iso={feed.lastSuccessAt} now={now} none={formatMessage(messages.never)} />
                </Typography>
              </Td>
              <Td>
                {feed.lastError ? (
                  <Flex direction="column" alignItems="flex-start" gap={1} minWidth="16rem" maxWidth="24rem">
                    <Typography textColor="danger700" style={WRAP} data-error>
                      {feed.lastError}
                    </Typography>
                    {feed.failures > 0 && (
                      <Typography variant="pi" textColor="neutral600" style={WRAP}>
                        {formatMessage(messages.failures, { count: feed.failures })}
                      </Typography>
                    )}
                  </Flex>
                ) : (
                  <Typography textColor="neutral600">{formatMessage(messages.noError)}</Typography>
                )}
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="24rem">
                  <Typography textColor="neutral800">{formatNumber(feed.itemsImported)}</Typography>
                  {feed.note && (
                    <Typography variant="pi" textColor="neutral600" style={WRAP} data-note>
                      {feed.note}
                    </Typography>
                  )}
                </Flex>
              </Td>
              <Td>
                <Typography textColor="neutral800" style={WRAP}>
                  {feed.nextAttemptAt === null ? (
                    formatMessage(messages.atNextImport)
                  ) : nextDue ? (
                    formatMessage(messages.dueNow)
                  ) : (
                    <When iso={feed.nextAttemptAt} now={now} none="" />
                  )}
                </Typography>
              </Td>
              {onImport && (
                <Td>
                  {/* A feed added since the last run has no record yet: "Import all now" creates it. */}
                  {feed.id !== null && (
                    <Button
                      variant="secondary"
                      size="S"
                      startIcon={<ArrowClockwise />}
                      disabled={importing}
                      loading={importing && importingFeed === feed.id}
                      onClick={() => onImport(feed)}
                    >
                      {formatMessage(messages.importOne)}
                      <VisuallyHidden>: {name}</VisuallyHidden>
                    </Button>
                  )}
                </Td>
              )}
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
