import { Module } from '@nestjs/common';
import { SessionStore } from './session.store';
import { SessionsService } from './sessions.service';

@Module({ providers: [SessionsService, SessionStore], exports: [SessionsService] })
export class SessionsModule {}
