import { useIntl } from 'react-intl';
import { relativeTo } from '../feeds/feed-view';

interface Props {
  iso: string | null;
  now: Date;
  /** What to say when there is no date. */
  none: string;
}

/** A date said relative to now ("3 hours ago", "in 40 minutes"), with the full date on hover. */
export function When({ iso, now, none }: Props) {
  const { formatRelativeTime, formatDate } = useIntl();
  const relative = relativeTo(iso, now);
  if (!iso || !relative) return <>{none}</>;
  return (
    <time dateTime={iso} title={formatDate(iso, { dateStyle: 'full', timeStyle: 'long' })}>
      {formatRelativeTime(relative.value, relative.unit, { numeric: 'auto' })}
    </time>
  );
}
