/**
 * Work done after the answer, one item at a time per process, at most `capacity` waiting: what
 * a flood asks beyond that is dropped (`push` answers false), never piled up in memory.
 */
export class BackgroundQueue<T> {
  private readonly waiting: T[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly capacity: number,
    private readonly work: (item: T) => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  push(item: T): boolean {
    if (this.waiting.length >= this.capacity) return false;
    this.waiting.push(item);
    this.running ??= this.drain();
    return true;
  }

  /** Resolves once nothing waits and nothing runs (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Yields first: the answer of the request that pushed goes out before its work starts.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (let item = this.waiting.shift(); item !== undefined; item = this.waiting.shift()) {
      try {
        await this.work(item);
      } catch (err) {
        this.onError(err);
      }
    }
    this.running = null;
  }
}
