import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

type AfterCommit = () => Promise<unknown>;

/**
 * One transaction whose outbox rows (SMS and e-mail alike) are handed to their queues after it
 * commits, and not at all when it rolls back. Both outboxes' `inTransaction` run here, so a
 * change opened by either may write to both (a security notice goes by SMS and by e-mail).
 */
@Injectable()
export class UnitOfWorkService {
  private readonly units = new WeakMap<EntityManager, AfterCommit[]>();

  constructor(private readonly db: DataSource) {}

  async run<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    const after: AfterCommit[] = [];
    const result = await this.db.transaction(async (em) => {
      this.units.set(em, after);
      return fn(em);
    });
    // Each task logs and swallows its own failures (the relays hand the rows over later).
    await Promise.all(after.map((task) => task()));
    return result;
  }

  /** Whether `em` is the transaction of a unit of work. */
  has(em: EntityManager): boolean {
    return this.units.has(em);
  }

  /** Runs `task` once the unit of work of `em` has committed; throws outside one (`what` names the caller). */
  afterCommit(em: EntityManager, what: string, task: AfterCommit): void {
    const unit = this.units.get(em);
    // A row written outside a unit of work would wait for the relay: refuse it loudly instead.
    if (!unit) throw new Error(`${what} outside inTransaction()`);
    unit.push(task);
  }
}
