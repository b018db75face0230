import { Module } from '@nestjs/common';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionStore } from './session.store';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';

@Module({
  imports: [SecurityEventsModule],
  providers: [SessionsService, SessionStore, SessionsResolver],
  exports: [SessionsService],
})
export class SessionsModule {}
