import { Module } from '@nestjs/common';
import { UnitOfWorkService } from './unit-of-work.service';

/** The transaction both outboxes write in, with the hand-offs to their queues after commit. */
@Module({ providers: [UnitOfWorkService], exports: [UnitOfWorkService] })
export class UnitOfWorkModule {}
