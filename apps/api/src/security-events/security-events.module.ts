import { Module } from '@nestjs/common';
import { SecurityEventsResolver } from './security-events.resolver';
import { SecurityEventsService } from './security-events.service';

@Module({ providers: [SecurityEventsService, SecurityEventsResolver], exports: [SecurityEventsService] })
export class SecurityEventsModule {}
