import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { CONFIG, FACTORY, smsProviderGenerator } from './generator';

const ROOT = join(__dirname, '../../../..');

describe('sms-provider generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write(FACTORY, readFileSync(join(ROOT, FACTORY), 'utf-8'));
    tree.write(CONFIG, readFileSync(join(ROOT, CONFIG), 'utf-8'));
  });

  it('scaffolds the adapter and its spec and registers it', async () => {
    await smsProviderGenerator(tree, { name: 'vonage', skipFormat: true });
    const provider = tree.read('apps/sms-worker/src/providers/vonage.provider.ts', 'utf-8');
    expect(provider).toContain('export class VonageSmsProvider implements SmsProvider');
    expect(provider).toContain("readonly name = 'vonage'");
    expect(provider).toContain("get('VONAGE_API_URL')");
    expect(tree.read('apps/sms-worker/src/providers/vonage.provider.spec.ts', 'utf-8')).toContain(
      "describe('VonageSmsProvider'",
    );
    const factory = tree.read(FACTORY, 'utf-8') ?? '';
    expect(factory).toContain("import { VonageSmsProvider, vonageSettings } from './vonage.provider';");
    expect(factory).toMatch(
      /vonage: \(\{ config, env \}\) => new VonageSmsProvider\(vonageSettings\(env\), config\.sms\.requestTimeoutMs\),\n\s+\/\/ <sms-provider-generator/,
    );
    expect(tree.read(CONFIG, 'utf-8')).toMatch(/export const SMS_PROVIDERS = \[[^\]]*'vonage'\] as const;/);
  });

  it('handles dashed names and refuses a second run', async () => {
    await smsProviderGenerator(tree, { name: 'message-bird', skipFormat: true });
    expect(tree.read(FACTORY, 'utf-8')).toContain(
      "'message-bird': ({ config, env }) => new MessageBirdSmsProvider(messageBirdSettings(env)",
    );
    await expect(smsProviderGenerator(tree, { name: 'message-bird', skipFormat: true })).rejects.toThrow(
      /already exists/,
    );
    await expect(smsProviderGenerator(tree, { name: 'Bad Name', skipFormat: true })).rejects.toThrow(/not a valid/);
  });
});
