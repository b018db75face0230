// The fake Twilio gateway, started in-process by tests (its server is libs/fake-sms-gateway;
// tools/fake-sms-gateway runs the same server as a dev process).
export {
  startFakeSmsGateway,
  type CallbackRecord,
  type FailMode,
  type FakeSms,
  type FakeSmsGateway,
  type FakeSmsGatewayOptions,
  type GatewayControl,
} from '@twofold/fake-sms-gateway';
// Its e-mail side: an SMTP server with an inbox (issue 13).
export { startFakeMailServer, type FakeMail, type FakeMailServer, type FakeMailServerOptions } from '@twofold/fake-sms-gateway';
