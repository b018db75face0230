// The server lives in libs/fake-sms-gateway (tests get it from @twofold/testing); this entry point
// keeps dist/tools/fake-sms-gateway/.../index.js loadable for the bench, which runs the built bundles.
export * from '@twofold/fake-sms-gateway';
