import { loadConfig } from '@twofold/config';
import { SmsRouter } from './sms-routes';

const FR = '+33612345678';
const GB = '+447700900123';
const US = '+12015550123';

describe('SmsRouter', () => {
  const config = loadConfig({
    SMS_PROVIDER: 'twilio,ovh',
    TWILIO_ACCOUNT_SID: 'AC1',
    TWILIO_AUTH_TOKEN: 't',
    TWILIO_FROM: '+15005550006',
    OVH_APP_KEY: 'k',
    OVH_APP_SECRET: 's',
    OVH_CONSUMER_KEY: 'c',
    OVH_SMS_SERVICE: 'sms-1',
    OVH_SMS_SENDER: 'Twofold',
    SMS_ROUTES: 'FR,BE:ovh,twilio;GB:twilio',
  });

  it('routes by the region of the number, the others by *', () => {
    const router = new SmsRouter(config.sms.routes);
    expect(router.routeFor(FR)).toEqual(['ovh', 'twilio']);
    expect(router.routeFor('+32470123456')).toEqual(['ovh', 'twilio']);
    expect(router.routeFor(GB)).toEqual(['twilio']);
    expect(router.routeFor(US)).toEqual(['twilio', 'ovh']);
    // A number libphonenumber cannot place goes the default way.
    expect(router.routeFor('+9991234567')).toEqual(['twilio', 'ovh']);
    expect(router.providers).toEqual(['ovh', 'twilio']);
  });

  it('is SMS_PROVIDER order for everyone without SMS_ROUTES', () => {
    const router = SmsRouter.uniform(['webhook', 'ovh']);
    for (const to of [FR, GB, US]) expect(router.routeFor(to)).toEqual(['webhook', 'ovh']);
    expect(() => new SmsRouter({ FR: ['ovh'] } as never)).toThrow(/default/);
  });

  it('refuses, at send time, numbers of a region SMS_ALLOWED_COUNTRIES leaves out, with a reason and no digits', () => {
    const router = new SmsRouter(config.sms.routes, ['GB', 'US']);
    expect(router.refusalFor(GB)).toBeNull();
    expect(router.refusalFor(US)).toBeNull();
    expect(router.refusalFor(FR)).toBe('not sent: FR is not in SMS_ALLOWED_COUNTRIES');
    expect(router.refusalFor('+9991234567')).toBe('not sent: the number has no known region and SMS_ALLOWED_COUNTRIES is set');
    expect(new SmsRouter(config.sms.routes).refusalFor(FR)).toBeNull();
  });
});
