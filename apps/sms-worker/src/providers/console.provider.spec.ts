import { memoryLogger } from '../logger';
import { ConsoleSmsProvider } from './console.provider';

describe('ConsoleSmsProvider', () => {
  it('prints the SMS and says it is for development', async () => {
    const logger = memoryLogger();
    const { providerMessageId } = await new ConsoleSmsProvider(logger).send({
      messageId: 'm-1',
      to: '+447700900123',
      body: 'code 123456',
    });
    expect(providerMessageId).toMatch(/^console-/);
    const line = JSON.parse(logger.lines[0]);
    expect(line).toMatchObject({ level: 'warn', messageId: 'm-1', smsText: 'code 123456' });
    expect(line.msg).toMatch(/development only/);
  });
});
