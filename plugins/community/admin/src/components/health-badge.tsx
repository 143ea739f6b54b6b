import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { FeedHealth } from '../feeds/feed-view';
import { healthMessages } from '../messages';

/**
 * Text and background of each health's badge, chosen for at least 4.5:1 contrast (the
 * design system's own danger and warning badges fall short of it).
 */
const COLOURS = {
  ok: { textColor: 'success700', backgroundColor: 'success100' },
  'not-modified': { textColor: 'secondary700', backgroundColor: 'secondary100' },
  failing: { textColor: 'danger700', backgroundColor: 'danger100' },
  'backing-off': { textColor: 'neutral800', backgroundColor: 'warning200' },
  pending: { textColor: 'neutral700', backgroundColor: 'neutral150' },
} as const satisfies Record<FeedHealth, { textColor: string; backgroundColor: string }>;

/** A feed's health as a worded badge: the colour only repeats what the word says. */
export function HealthBadge({ health }: { health: FeedHealth }) {
  const { formatMessage } = useIntl();
  return (
    <Badge {...COLOURS[health]} data-health={health}>
      {formatMessage(healthMessages[health])}
    </Badge>
  );
}
