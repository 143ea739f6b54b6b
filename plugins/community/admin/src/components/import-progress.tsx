import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { percentDone, type ImportRun } from '../feeds/feed-view';
import { messages } from '../messages';

interface Props {
  run: ImportRun | null;
  pollFailed: boolean;
}

/**
 * The running import as "n of m feeds" with a progress bar, or how the last one ended. It is
 * a polite live region, so screen readers hear the progress and the end of the run.
 */
export function ImportProgress({ run, pollFailed }: Props) {
  const { formatMessage, formatDate } = useIntl();
  if (!run) return <div role="status" aria-live="polite" />;
  const counts = { done: run.done, total: run.total, failed: run.failed };
  return (
    <div role="status" aria-live="polite">
      <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
        {run.finishedAt === null ? (
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="omega" fontWeight="semiBold" data-progress="running">
              {formatMessage(messages.progressRunning, counts)} · {formatMessage(messages.progressFailed, counts)}
            </Typography>
            <Box
              role="progressbar"
              aria-label={formatMessage(messages.progressLabel)}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percentDone(run)}
              aria-valuetext={formatMessage(messages.progressRunning, counts)}
              background="neutral150"
              hasRadius
              height="0.8rem"
              overflow="hidden"
            >
              <Box background="primary600" hasRadius height="100%" width={`${percentDone(run)}%`} />
            </Box>
            {pollFailed && <Typography textColor="danger600">{formatMessage(messages.progressPollError)}</Typography>}
          </Flex>
        ) : (
          <Typography variant="omega" data-progress="finished">
            {formatMessage(messages.progressFinished, {
              ...counts,
              // An absolute time: a relative one would change under a live region and be read out again.
              when: <time dateTime={run.finishedAt}>{formatDate(run.finishedAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>,
            })}
          </Typography>
        )}
      </Box>
    </div>
  );
}
