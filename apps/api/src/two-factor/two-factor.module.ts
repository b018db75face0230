import { Module } from '@nestjs/common';
import { TwoFactorService } from './two-factor.service';
import { TwoFactorStore } from './two-factor.store';

@Module({ providers: [TwoFactorService, TwoFactorStore], exports: [TwoFactorService] })
export class TwoFactorModule {}
