/** Waits that can all be cancelled at once, so closing the emulator leaves no timer behind. */
export class CancellableDelays {
  private readonly pending = new Set<{
    timer: NodeJS.Timeout;
    resolve: (completed: boolean) => void;
  }>();

  /** Resolves true after `ms`, or false as soon as `cancelAll` is called. */
  wait(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const entry = {
        resolve,
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve(true);
        }, ms),
      };
      this.pending.add(entry);
    });
  }

  cancelAll(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve(false);
    }
    this.pending.clear();
  }
}
