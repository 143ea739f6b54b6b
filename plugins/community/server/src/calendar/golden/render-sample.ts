/** Prints the sample calendar: the golden file's content, and what the time-zone test renders in a child process. */
import { calendarOrder, toCalendarEntry } from '../calendar-entries';
import { renderCalendar } from '../ical-calendar';
import { SAMPLE_CONTEXT, SAMPLE_EVENTS } from './sample';

export function renderSample(): string {
  return renderCalendar({
    name: 'Sample, community; calendar',
    description: 'Every shape of event\nthe portal writes.',
    url: 'https://groups.example.org/en/events',
    refreshSeconds: 3600,
    entries: calendarOrder(SAMPLE_EVENTS).map((event) => toCalendarEntry(event, SAMPLE_CONTEXT)),
  });
}

if (process.argv[1]?.endsWith('render-sample.ts')) process.stdout.write(renderSample());
