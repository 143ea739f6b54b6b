import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { isRunning, type FeedStatus, type ImportRun } from './feed-view';

const FEEDS = '/community/feeds';
const IMPORT = '/community/feeds/import';
const POLL_MS = 1000;

export interface FeedHealthState {
  feeds: FeedStatus[] | undefined;
  /** The latest run, running or finished; null before the first. */
  run: ImportRun | null;
  /** Why the feeds could not be loaded at all. */
  error: unknown;
  /** Why the last poll of a running import failed (polling goes on). */
  pollError: unknown;
  /** Starts an import of every feed, or of one; rejects with the API's error. */
  startImport(feed?: number): Promise<void>;
}

/**
 * The feeds' health and the latest import run from the admin API. While a run is going it
 * is polled every second; when it finishes the feeds are read again.
 */
export function useFeedHealth(): FeedHealthState {
  const { get, post } = useFetchClient();
  const [feeds, setFeeds] = React.useState<FeedStatus[]>();
  const [run, setRun] = React.useState<ImportRun | null>(null);
  const [error, setError] = React.useState<unknown>();
  const [pollError, setPollError] = React.useState<unknown>();

  const loadFeeds = React.useCallback(async () => {
    const { data } = await get<{ data: FeedStatus[] }>(FEEDS);
    setFeeds(data.data);
  }, [get]);

  React.useEffect(() => {
    Promise.all([loadFeeds(), get<{ data: ImportRun | null }>(IMPORT).then(({ data }) => setRun(data.data))]).catch(setError);
  }, [get, loadFeeds]);

  React.useEffect(() => {
    if (!isRunning(run)) return;
    const timer = setTimeout(async () => {
      try {
        const { data } = await get<{ data: ImportRun | null }>(IMPORT);
        if (data.data && !isRunning(data.data)) await loadFeeds();
        setPollError(undefined);
        // A fresh object even when nothing moved, so the next poll is scheduled.
        setRun(data.data ? { ...data.data } : null);
      } catch (cause) {
        setPollError(cause);
        setRun((current) => current && { ...current });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [run, get, loadFeeds]);

  const startImport = React.useCallback(
    async (feed?: number) => {
      const { data } = await post<{ data: ImportRun }>(IMPORT, feed === undefined ? {} : { feed });
      setRun(data.data);
      if (!isRunning(data.data)) await loadFeeds();
    },
    [post, loadFeeds],
  );

  return { feeds, run, error, pollError, startImport };
}
