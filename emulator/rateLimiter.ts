/** At most `limit` requests per key in any window of `windowMs` (a sliding window, like the API's 20/s). */
export class SlidingWindowRateLimiter {
  private readonly admitted = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1000,
  ) {}

  /**
   * Admits a request at `nowMs` unless `limit` requests were already admitted in the window ending
   * then. `count` is the number of requests in the window including this one. Refused requests do not
   * count against later ones.
   */
  tryAdmit(key: string, nowMs: number): { admitted: boolean; count: number } {
    const recent = (this.admitted.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
    if (recent.length >= this.limit) {
      this.admitted.set(key, recent);
      return { admitted: false, count: recent.length + 1 };
    }
    recent.push(nowMs);
    this.admitted.set(key, recent);
    return { admitted: true, count: recent.length };
  }

  clear(): void {
    this.admitted.clear();
  }
}
