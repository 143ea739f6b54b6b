import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { groups } from '../cms/src/seed/data/groups';

/**
 * The demo groups' blogs, photostreams and calendars, served locally so that a newcomer
 * sees imported posts, photos and events without internet access. The demo content's feed
 * URLs point here (http://127.0.0.1:8484/feeds/<group>/…); the importer is allowed to
 * reach this one host:port through FEEDS_ALLOW_PRIVATE_HOSTS, which `npm start` sets.
 */
export const DEMO_FEEDS_PORT = 8484;

const DAY = 86_400_000;

const POSTS: Record<string, { title: (city: string) => string; body: (city: string) => string }[]> = {
  en: [
    { title: (c) => `Recap: our autumn meetup in ${c}`, body: (c) => `<p>Thanks to everyone who came to the meetup in ${c}! Slides and notes are <a href="/notes">on our wiki</a>.</p>` },
    { title: () => 'Call for speakers for the next meetup', body: () => '<p>Got a story about running the project in production? <strong>Send us a short abstract.</strong></p>' },
    { title: () => 'Welcome to our new co-organisers', body: () => '<p>Two new volunteers join the organising team this month.</p>' },
  ],
  fr: [
    { title: (c) => `Retour sur notre rencontre d’automne à ${c}`, body: (c) => `<p>Merci à toutes et à tous d’être venus à ${c} ! Les supports sont <a href="/notes">sur notre wiki</a>.</p>` },
    { title: () => 'Appel à orateurs pour la prochaine rencontre', body: () => '<p>Vous utilisez le projet en production ? <strong>Proposez-nous un sujet.</strong></p>' },
    { title: () => 'Bienvenue aux nouveaux co-organisateurs', body: () => '<p>Deux bénévoles rejoignent l’équipe ce mois-ci.</p>' },
  ],
  de: [
    { title: (c) => `Rückblick: unser Herbsttreffen in ${c}`, body: (c) => `<p>Danke an alle, die in ${c} dabei waren! Folien und Notizen stehen <a href="/notes">in unserem Wiki</a>.</p>` },
    { title: () => 'Vortragende für das nächste Treffen gesucht', body: () => '<p>Ihr betreibt das Projekt in Produktion? <strong>Schickt uns eine kurze Zusammenfassung.</strong></p>' },
    { title: () => 'Willkommen im Orga-Team', body: () => '<p>Zwei neue Freiwillige verstärken diesen Monat das Team.</p>' },
  ],
  es: [
    { title: (c) => `Resumen de nuestro encuentro de otoño en ${c}`, body: (c) => `<p>¡Gracias a todas las personas que vinieron en ${c}! Las diapositivas están <a href="/notes">en nuestra wiki</a>.</p>` },
    { title: () => 'Buscamos ponentes para el próximo encuentro', body: () => '<p>¿Usas el proyecto en producción? <strong>Envíanos una propuesta breve.</strong></p>' },
    { title: () => 'Bienvenida a las nuevas coorganizadoras', body: () => '<p>Dos voluntarias se suman este mes al equipo.</p>' },
  ],
  pt: [
    { title: (c) => `Resumo do nosso encontro de outono em ${c}`, body: (c) => `<p>Obrigado a todos que foram ao encontro em ${c}! Os slides estão <a href="/notes">na nossa wiki</a>.</p>` },
    { title: () => 'Chamada de palestrantes para o próximo encontro', body: () => '<p>Você usa o projeto em produção? <strong>Mande uma proposta curta.</strong></p>' },
    { title: () => 'Boas-vindas aos novos co-organizadores', body: () => '<p>Dois voluntários entram para a equipe este mês.</p>' },
  ],
  ja: [
    { title: (c) => `${c}での秋のミートアップを振り返って`, body: () => '<p>ご参加いただいた皆さん、ありがとうございました。資料は<a href="/notes">ウィキ</a>にあります。</p>' },
    { title: () => '次回ミートアップの登壇者を募集します', body: () => '<p>本番環境での運用事例をお持ちの方は<strong>概要をお送りください。</strong></p>' },
    { title: () => '新しい共同オーガナイザーを紹介します', body: () => '<p>今月から二人のボランティアが運営に加わります。</p>' },
  ],
  zh: [
    { title: (c) => `回顾：我们在${c}的秋季聚会`, body: () => '<p>感谢所有到场的朋友！幻灯片和笔记已放在<a href="/notes">我们的维基</a>上。</p>' },
    { title: () => '下次聚会讲者招募', body: () => '<p>你在生产环境中使用本项目吗？<strong>欢迎投稿。</strong></p>' },
    { title: () => '欢迎新的联合组织者', body: () => '<p>本月有两位志愿者加入组织团队。</p>' },
  ],
};

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const icsText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
const icsUtc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** What the feeds say about their group. */
export interface FeedGroup {
  slug: string;
  name: string;
  city?: string;
  languages: string[];
  latitude?: number;
  longitude?: number;
}

function postLanguage(group: FeedGroup): string {
  const spoken = group.languages.map((tag) => tag.split('-')[0]!);
  return spoken.find((tag) => tag in POSTS) ?? 'en';
}

/** An RSS 2.0 blog of `count` posts, the newest two days before `now`. */
export function blogFeed(group: FeedGroup, base: string, now: number, count = 3): string {
  const language = postLanguage(group);
  const city = group.city ?? group.name;
  const items = Array.from({ length: count }, (_, i) => {
    const post = POSTS[language]![i % 3]!;
    const date = new Date(now - (i * 9 + 2) * DAY).toUTCString();
    const link = `${base}/posts/${group.slug}/${i + 1}`;
    return `    <item>
      <title>${xml(i < 3 ? post.title(city) : `${post.title(city)} (${i + 1})`)}</title>
      <link>${link}</link>
      <guid isPermaLink="true">${link}</guid>
      <dc:creator>${xml(`${group.name} team`)}</dc:creator>
      <pubDate>${date}</pubDate>
      <description>${xml(post.body(city))}</description>
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xml(group.name)}</title>
    <link>${base}/posts/${group.slug}/</link>
    <description>${xml(`News from ${group.name}`)}</description>
    <language>${language}</language>
${items.join('\n')}
  </channel>
</rss>
`;
}

/**
 * A media-RSS photostream of `count` photo entries (images at /images/<group>/<1–6>.svg);
 * the newest is an album of three pictures, each described.
 */
export function photoFeed(group: FeedGroup, base: string, now: number, count = 6): string {
  const place = group.city ?? group.name;
  const items = Array.from({ length: count }, (_, i) => {
    const image = (n: number) => `${base}/images/${group.slug}/${(n % 6) + 1}.svg`;
    const media =
      i === 0
        ? [0, 1, 2]
            .map((n) => `      <media:content url="${image(n)}" type="image/svg+xml" medium="image"><media:description>${xml(`Coloured tile ${n + 1} of the ${place} album`)}</media:description></media:content>`)
            .join('\n')
        : `      <media:content url="${image(i)}" type="image/svg+xml" medium="image"/>\n      <media:thumbnail url="${image(i)}"/>`;
    return `    <item>
      <title>${xml(`${place} — ${i + 1}`)}</title>
      <link>${base}/photos/${group.slug}/${i + 1}</link>
      <guid>${base}/photos/${group.slug}/${i + 1}</guid>
      <pubDate>${new Date(now - (i * 5 + 1) * DAY).toUTCString()}</pubDate>
${media}
    </item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${xml(`${group.name} photos`)}</title>
    <link>${base}/photos/${group.slug}/</link>
    <description>${xml(`Photos from ${group.name}`)}</description>
${items.join('\n')}
  </channel>
</rss>
`;
}

/** An iCalendar with a hack night in three weeks and monthly online office hours. */
export function calendarFeed(group: FeedGroup, base: string, now: number, count = 2): string {
  const start = Math.floor(now / DAY) * DAY + 20 * DAY + 17 * 3_600_000;
  const more = Array.from({ length: Math.max(0, count - 2) }, (_, i) => {
    const at = start + (i + 1) * 7 * DAY + DAY;
    return `BEGIN:VEVENT\r\nUID:${group.slug}-session-${i + 1}@demo.invalid\r\nDTSTAMP:${icsUtc(now - DAY)}\r\nDTSTART:${icsUtc(at)}\r\nDTEND:${icsUtc(at + 2 * 3_600_000)}\r\nSUMMARY:${icsText(`${group.name}: study session ${i + 1}`)}\r\nEND:VEVENT`;
  });
  const events = [
    `BEGIN:VEVENT\r\nUID:${group.slug}-hack-night@demo.invalid\r\nDTSTAMP:${icsUtc(now - DAY)}\r\nDTSTART:${icsUtc(start)}\r\nDTEND:${icsUtc(start + 3 * 3_600_000)}\r\nSUMMARY:${icsText(`${group.name}: hack night`)}\r\nDESCRIPTION:${icsText('Bring a laptop and an idea.\nNewcomers welcome.')}\r\nLOCATION:${icsText(`${group.city ?? group.name} community space`)}\r\n${group.latitude !== undefined && group.longitude !== undefined ? `GEO:${group.latitude};${group.longitude}\r\n` : ''}URL:${base}/events/${group.slug}/hack-night\r\nEND:VEVENT`,
    `BEGIN:VEVENT\r\nUID:${group.slug}-office-hours@demo.invalid\r\nDTSTAMP:${icsUtc(now - DAY)}\r\nDTSTART:${icsUtc(start + 7 * DAY)}\r\nDTEND:${icsUtc(start + 7 * DAY + 3_600_000)}\r\nRRULE:FREQ=MONTHLY;COUNT=6\r\nSUMMARY:${icsText(`${group.name}: online office hours`)}\r\nURL:${base}/events/${group.slug}/office-hours\r\nEND:VEVENT`,
    ...more,
  ];
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Chapterhouse demo//EN\r\nX-WR-CALNAME:${icsText(group.name)}\r\n${events.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
}

function image(group: FeedGroup, n: number): string {
  const hue = (group.slug.length * 37 + n * 53) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480"><rect width="480" height="480" fill="hsl(${hue} 45% 42%)"/><circle cx="${120 + n * 40}" cy="200" r="90" fill="hsl(${(hue + 40) % 360} 55% 70%)"/><text x="24" y="450" font-family="sans-serif" font-size="28" fill="#fff">${xml(group.city ?? group.name)} #${n}</text></svg>`;
}

/** Starts the demo feed server; resolves once it listens. */
export function startDemoFeeds(port = DEMO_FEEDS_PORT, host = '127.0.0.1') {
  return serveFeeds(groups, { port, host });
}

/**
 * Serves /feeds/<group>/blog.xml, photos.xml and calendar.ics for `feedGroups`, with
 * `items` entries each (the defaults suit the demo), ETags and 304s.
 */
export async function serveFeeds(feedGroups: FeedGroup[], options: { port?: number; host?: string; items?: number } = {}) {
  const { port = 0, host = '127.0.0.1', items } = options;
  const bySlug = new Map(feedGroups.map((group) => [group.slug, group]));
  const server = http.createServer((request, response) => {
    const base = `http://${host}:${(server.address() as AddressInfo).port}`;
    const [, section, slug, file] = (request.url ?? '').split('?')[0]!.split('/');
    const group = slug ? bySlug.get(slug) : undefined;
    // Dates move with the clock (recent posts, upcoming events), so feeds change once a day.
    const now = Math.floor(Date.now() / DAY) * DAY;
    const send = (type: string, body: string) => {
      const etag = `"${now.toString(36)}-${body.length.toString(36)}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag }).end();
        return;
      }
      response.writeHead(200, { 'content-type': type, etag, 'cache-control': 'max-age=3600' }).end(body);
    };
    if (!group) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    if (section === 'feeds' && file === 'blog.xml') return send('application/rss+xml; charset=utf-8', blogFeed(group, base, now, items));
    if (section === 'feeds' && file === 'photos.xml') return send('application/rss+xml; charset=utf-8', photoFeed(group, base, now, items));
    if (section === 'feeds' && file === 'calendar.ics') return send('text/calendar; charset=utf-8', calendarFeed(group, base, now, items));
    if ((section === 'posts' || section === 'photos') && /^\d+$/.test(file ?? '')) {
      return send('text/html; charset=utf-8', `<!doctype html><html lang="en"><meta charset="utf-8"><title>${xml(group.name)}</title><h1>${xml(group.name)}</h1><p>A demo ${section === 'posts' ? 'blog post' : 'photo page'}, served locally.</p>`);
    }
    if (section === 'images' && /^[1-6]\.svg$/.test(file ?? '')) return send('image/svg+xml', image(group, Number(file![0])));
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
