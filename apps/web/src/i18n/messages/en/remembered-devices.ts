/** English, contract v2: remembered devices on Security and "Remember this device" at login. */
export const enRememberedDevices = {
  'devices.allForgotten': 'Every device forgotten: each one asks for the second step at its next login.',
  'devices.expires': 'Remembered until {date}',
  'devices.forget': 'Forget<hidden> {device}</hidden>',
  'devices.forgetAll': 'Forget all devices',
  'devices.forgotten': '{device} forgotten: its next login asks for the second step.',
  'devices.intro': 'On these devices your password is enough to log in, without the second step, for 30 days.',
  'devices.listLabel': 'Remembered devices',
  'devices.loading': 'Loading remembered devices…',
  'devices.none': 'No device is remembered. Tick "Remember this device for 30 days" at login to add one.',
  'devices.remembered': 'Remembered {date}',
  'devices.title': 'Remembered devices',
  'devices.unavailable': "Remembered devices can't be shown right now.",
  'secondFactor.remember': 'Remember this device for 30 days',
  'secondFactor.rememberHint': "Your password alone will log you in here. Don't tick it on a shared computer.",
} as const satisfies Record<string, string>;
