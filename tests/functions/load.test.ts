/**
 * Issue 8's load scenarios, scaled down (`npm run bench:load` runs them full size): function
 * instances as separate processes sharing one local store, the emulator at 20 requests/s per
 * action. Counts only — links, errors, ESS calls, duplicates — never wall-clock times. The
 * functions pace themselves at 15/s here, so that a machine busy with other tests (late timers)
 * cannot push two calls into one of ESS's seconds; `npm run bench:load` runs them at 20/s.
 */
import {
  burstOfNewUsers,
  burstWithFailures,
  doubleTaps,
  pollerAmongNewUsers,
  startLoadStack,
  type LoadStack,
} from '../../scripts/load/loadScenarios';

jest.setTimeout(120_000);

let stack: LoadStack;
beforeAll(async () => {
  stack = await startLoadStack({ instances: 2, rateLimitPerSecond: 20, pacedAtPerSecond: 15 });
});
afterAll(async () => {
  await stack?.close();
});

describe('every user gets a link under load (2 instances, one store)', () => {
  it('serves a burst twice the per-second limit: one ESS link call per user, none refused', async () => {
    const row = await burstOfNewUsers(stack, 'burst', 40, 0);
    expect(row).toMatchObject({ links: 40, errors: 0, createCalls: 40, rateLimited: 0 });
    // The status at link time is asked once per new user too.
    expect(row.statusCalls).toBe(40);
    const again = await burstOfNewUsers(stack, 'again', 40, 0);
    expect(again).toMatchObject({ links: 40, errors: 0, createCalls: 0, statusCalls: 0 });
  });

  it('gives everyone a link despite failures, and binds every user by the callback', async () => {
    const row = await burstWithFailures(stack, 30, 1000);
    expect(row).toMatchObject({ links: 30, errors: 0, boundByCallback: 30 });
  });

  it('keeps a user polling in a loop from touching anyone else', async () => {
    const row = await pollerAmongNewUsers(stack, 60, 20, 2000);
    expect(row).toMatchObject({ links: 20, errors: 0, rateLimited: 0 });
    expect(row.pollerStatusCalls).toBeLessThanOrEqual(2);
  });

  it('answers two taps at once with one ESS call and the same link', async () => {
    const row = await doubleTaps(stack, 10, 3000);
    expect(row).toMatchObject({ links: 20, errors: 0, createCalls: 10, samePairs: 10 });
  });
});
