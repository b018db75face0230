import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { AccountsResolver } from './accounts.resolver';

@Module({ imports: [AuthModule, TwoFactorModule], providers: [AccountsResolver] })
export class AccountsModule {}
