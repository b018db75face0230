import { formatFiles, generateFiles, names, Tree } from '@nx/devkit';
import { join } from 'node:path';
import type { SmsProviderGeneratorSchema } from './schema';

export const PROVIDERS_DIR = 'apps/sms-worker/src/providers';
export const FACTORY = `${PROVIDERS_DIR}/provider-factory.ts`;
export const CONFIG = 'libs/shared/config/src/lib/app-config.types.ts';
const MARKER = '// <sms-provider-generator: new providers are registered above this line>';

/**
 * `npx nx g ./tools/generators:sms-provider vonage`
 * 1. apps/sms-worker/src/providers/vonage.provider.ts: the adapter (a JSON-over-HTTP skeleton
 *    with the error mapping every adapter needs) and its settings from VONAGE_* variables;
 * 2. vonage.provider.spec.ts: the local-server spec (exact request, success and error answers);
 * 3. registers it in provider-factory.ts and in SMS_PROVIDERS of @twofold/config, so
 *    SMS_PROVIDER=vonage (or twilio,vonage for failover) selects it.
 */
export async function smsProviderGenerator(tree: Tree, schema: SmsProviderGeneratorSchema): Promise<void> {
  const name = schema.name.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    throw new Error(`sms-provider: "${schema.name}" is not a valid provider name (lower case letters, digits, dashes)`);
  const n = names(name);
  const providerFile = `${PROVIDERS_DIR}/${n.fileName}.provider.ts`;
  if (tree.exists(providerFile)) throw new Error(`sms-provider: ${providerFile} already exists`);

  generateFiles(tree, join(__dirname, 'files'), PROVIDERS_DIR, {
    ...n,
    providerName: name,
    envPrefix: n.constantName,
    tmpl: '',
  });

  const factory = tree.read(FACTORY, 'utf-8');
  if (!factory || !factory.includes(MARKER)) throw new Error(`sms-provider: ${FACTORY} has no "${MARKER}" line`);
  const importLine = `import { ${n.className}SmsProvider, ${n.propertyName}Settings } from './${n.fileName}.provider';\n`;
  const lastImport = factory.lastIndexOf('\nimport ');
  const afterLastImport = factory.indexOf('\n', lastImport + 1) + 1;
  let updated = factory.slice(0, afterLastImport) + importLine + factory.slice(afterLastImport);
  const key = /^[a-z][a-z0-9]*$/.test(name) ? name : `'${name}'`;
  updated = updated.replace(
    MARKER,
    `${key}: ({ config, env }) => new ${n.className}SmsProvider(${n.propertyName}Settings(env), config.sms.requestTimeoutMs),\n  ${MARKER}`,
  );
  tree.write(FACTORY, updated);

  if (!schema.skipFormat) await formatFiles(tree);

  // After formatting: the one-word change to @twofold/config leaves the rest of that file as it is.
  const config = tree.read(CONFIG, 'utf-8');
  const list = config ? /export const SMS_PROVIDERS = \[([^\]]*)\] as const;/.exec(config) : null;
  if (config && list && !list[1].includes(`'${name}'`)) {
    tree.write(
      CONFIG,
      config.replace(list[0], `export const SMS_PROVIDERS = [${list[1].trim()}, '${name}'] as const;`),
    );
  }
}

export default smsProviderGenerator;
