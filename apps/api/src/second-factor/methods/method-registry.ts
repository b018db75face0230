import type { Provider } from '@nestjs/common';
import type { TwoFactorMethodKind } from '../dto/two-factor-challenge.type';
import { BackupCodeMethod } from './backup-code/backup-code.method';
import type { SecondFactorMethod } from './second-factor-method';
import { SecurityKeyMethod } from './security-key/security-key.method';
import { SmsMethod } from './sms/sms.method';
import { TotpMethod } from './totp/totp.method';

/** The plug-ins, by kind. The one place a new kind of second factor is registered. */
export const SECOND_FACTOR_METHODS = Symbol('SECOND_FACTOR_METHODS');
export type MethodRegistry = ReadonlyMap<TwoFactorMethodKind, SecondFactorMethod>;

export const METHOD_PLUGINS = [SmsMethod, TotpMethod, SecurityKeyMethod, BackupCodeMethod];

export const methodRegistryProvider: Provider = {
  provide: SECOND_FACTOR_METHODS,
  inject: METHOD_PLUGINS,
  useFactory: (...methods: SecondFactorMethod[]): MethodRegistry => new Map(methods.map((m) => [m.kind, m])),
};
