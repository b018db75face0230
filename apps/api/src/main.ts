import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@twofold/config';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApi({ config });
  await app.listen(config.apiPort, '0.0.0.0');
  new Logger('Bootstrap').log(`listening on http://127.0.0.1:${config.apiPort}/graphql (health: /health)`, 'Bootstrap');
}

main().catch((err: Error) => {
  console.error(`Twofold API could not start: ${err.message}`);
  process.exit(1);
});
