/**
 * One CMS instance in a process of its own, for the multi-instance suite: the environment
 * names the database and the settings; prints `CMS <url>` once it listens and stops on
 * SIGTERM. A test can also kill it outright, as a crash would.
 */
import { startCms } from '../setup/strapi';

async function main() {
  const cms = await startCms(Number(process.env.PORT ?? 0));
  const stop = async () => {
    await cms.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(`CMS ${cms.url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
