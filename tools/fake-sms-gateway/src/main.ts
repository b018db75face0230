import { startFakeMailServer, startFakeSmsGateway } from '@twofold/fake-sms-gateway';

/**
 * CLI: `npx nx run fake-sms-gateway:serve`. Environment: FAKE_SMS_GATEWAY_PORT [4010],
 * FAKE_SMS_GATEWAY_HOST [127.0.0.1], TWILIO_AUTH_TOKEN [fake-twilio-auth-token],
 * TWILIO_ACCOUNT_SID [any]. Point the worker at it with
 * SMS_PROVIDER=twilio TWILIO_API_BASE_URL=http://127.0.0.1:4010 and the same SID/token, or
 * SMS_PROVIDER=webhook SMS_WEBHOOK_URL=http://127.0.0.1:4010/webhook/sms (receipts signed with
 * SMS_WEBHOOK_SECRET), or SMS_PROVIDER=ovh OVH_ENDPOINT=http://127.0.0.1:4010 (the OVHcloud stand-in),
 * or SMS_PROVIDER=vonage VONAGE_API_BASE_URL=http://127.0.0.1:4010 (the Vonage stand-in; receipts signed
 * with VONAGE_SIGNATURE_SECRET and VONAGE_SIGNATURE_METHOD when set).
 * The e-mail side: an SMTP server on FAKE_SMTP_PORT [2525] (SMTP_URL=smtp://127.0.0.1:2525) and
 * its inbox page on FAKE_MAIL_INBOX_PORT [4011]; FAKE_SMTP_PORT=0 turns it off.
 */
async function main(): Promise<void> {
  const port = Number(process.env['FAKE_SMS_GATEWAY_PORT'] ?? 4010);
  const host = process.env['FAKE_SMS_GATEWAY_HOST'] ?? '127.0.0.1';
  const authToken = process.env['TWILIO_AUTH_TOKEN'] ?? 'fake-twilio-auth-token';
  const gateway = await startFakeSmsGateway({
    port,
    host,
    authToken,
    accountSid: process.env['TWILIO_ACCOUNT_SID'] || undefined,
    // The `webhook` side signs its receipts with the worker's secret; the OVHcloud stand-in checks
    // X-Ovh-* signatures when the worker's OVH_* credentials are set here too.
    webhookSecret: process.env['SMS_WEBHOOK_SECRET'] || undefined,
    ovh:
      process.env['OVH_APP_KEY'] && process.env['OVH_APP_SECRET'] && process.env['OVH_CONSUMER_KEY']
        ? {
            appKey: process.env['OVH_APP_KEY'],
            appSecret: process.env['OVH_APP_SECRET'],
            consumerKey: process.env['OVH_CONSUMER_KEY'],
          }
        : undefined,
    vonage: process.env['VONAGE_API_KEY']
      ? {
          apiKey: process.env['VONAGE_API_KEY'],
          apiSecret: process.env['VONAGE_API_SECRET'] || undefined,
          signatureSecret: process.env['VONAGE_SIGNATURE_SECRET'] || undefined,
          signatureMethod: (process.env['VONAGE_SIGNATURE_METHOD']?.toLowerCase() as 'sha256' | undefined) || undefined,
        }
      : undefined,
    log: (line) => process.stderr.write(line + '\n'),
  });
  process.stdout.write(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'info',
      service: 'fake-sms-gateway',
      msg: `fake SMS gateway listening; inbox page at ${gateway.url}/`,
      url: gateway.url,
    }) + '\n',
  );
  const smtpPort = Number(process.env['FAKE_SMTP_PORT'] ?? 2525);
  const mail = smtpPort > 0
    ? await startFakeMailServer({ smtpPort, httpPort: Number(process.env['FAKE_MAIL_INBOX_PORT'] ?? 4011), host, log: (line) => process.stderr.write(line + '\n') })
    : null;
  if (mail) {
    process.stdout.write(
      JSON.stringify({ time: new Date().toISOString(), level: 'info', service: 'fake-sms-gateway', msg: `fake SMTP server on ${mail.smtpUrl}; mail inbox at ${mail.url}/`, smtpUrl: mail.smtpUrl, url: mail.url }) + '\n',
    );
  }
  const stop = () => void Promise.all([gateway.close(), mail?.close()]).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: Error) => {
  process.stderr.write(`fake-sms-gateway: ${err.message}\n`);
  process.exit(1);
});
