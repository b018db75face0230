import { Mutation, Resolver } from '@nestjs/graphql';
import { Clock } from '../common/clock';
import { CurrentAuth, Meta } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { toTwoFactorStatusModel } from '../two-factor/dto/to-model';
import { BackupCodesPayloadModel, TwoFactorStatusModel } from '../two-factor/dto/two-factor-status.type';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { BackupCodesManager } from './backup-codes-manager.service';

@Resolver()
export class BackupCodesResolver {
  constructor(
    private readonly manager: BackupCodesManager,
    private readonly twoFactor: TwoFactorService,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => BackupCodesPayloadModel, { description: 'Replaces any existing emergency codes with a new set, shown once.' })
  regenerateBackupCodes(@CurrentAuth() auth: AuthState, @Meta() meta: RequestMeta): Promise<BackupCodesPayloadModel> {
    return this.manager.regenerate(auth, meta);
  }

  @Mutation(() => TwoFactorStatusModel)
  async deleteBackupCodes(@CurrentAuth() auth: AuthState, @Meta() meta: RequestMeta): Promise<TwoFactorStatusModel> {
    await this.manager.remove(auth, meta);
    return toTwoFactorStatusModel(await this.twoFactor.state(null, auth.account.id, this.clock.now()));
  }
}
