import { Injectable } from '@nestjs/common';

/**
 * The API's only source of "now". Time-based rules (TTLs, windows, expiry) read it, so tests
 * can move time forward instead of sleeping. Timestamps are passed to SQL as parameters.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests can move: `clock.advance(301)` makes a 300-second code expire. */
export class ManualClock extends Clock {
  private offsetMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}
