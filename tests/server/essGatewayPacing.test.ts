/**
 * The ESS gateway with a pacer, through the real SDK against the emulator: a call waits for its
 * turn, a refused turn is `EssQueuedError` with nothing sent, a rate limit from ESS goes back into
 * the queue, and a failing penalty write never escapes as an unhandled rejection.
 */
import type { EssEmulator } from '../../emulator';
import type { EssConfig } from '../../server/config';
import { EssCallError, EssQueuedError } from '../../server/ess/essError';
import { createEssGateway, type CallPacer } from '../../server/ess/essGateway';
import { createLogger } from '../../server/log';
import { startEmulatorWithConfig } from '../support/emulatorConfig';

const STATUS = { Name: '张三', IdCardNumber: '11010519491231002X', IdCardType: 'ID_CARD' };

let emulator: EssEmulator;
let config: EssConfig;
beforeEach(async () => {
  ({ emulator, config } = await startEmulatorWithConfig({ ESS_REQUEST_TIMEOUT_MS: '2000' }));
  process.env.LOG_LEVEL = 'silent';
});
afterEach(async () => {
  await emulator.close();
  delete process.env.LOG_LEVEL;
});

const gatewayWith = (pacer: CallPacer) =>
  createEssGateway({ config, log: createLogger(), pacer, retry: { sleep: async () => undefined } });

describe('the ESS gateway with a pacer', () => {
  it('answers EssQueuedError without sending anything when no turn fits the budget', async () => {
    const gateway = gatewayWith({ acquire: async () => ({ ok: false, retryAfterMs: 1234 }) });
    const error = await gateway.call('DescribeUserVerifyStatus', STATUS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EssQueuedError);
    expect(error).toMatchObject({ retryAfterMs: 1234, mayHaveTakenEffect: false });
    expect(emulator.calls()).toHaveLength(0);
  });

  it('puts a rate-limited call back into the queue, and survives a failing penalty write', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let turns = 0;
      const gateway = gatewayWith({
        acquire: async () => ((turns += 1), { ok: true }),
        penalize: () => Promise.reject(new Error('store unreachable')),
      });
      emulator.injectFault({ action: 'DescribeUserVerifyStatus', code: 'RequestLimitExceeded' });
      await expect(gateway.call('DescribeUserVerifyStatus', STATUS)).resolves.toMatchObject({
        VerifyStatus: false,
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(turns).toBe(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('says when an unanswered attempt may have taken effect', async () => {
    const gateway = gatewayWith({ acquire: async () => ({ ok: true }) });
    emulator.injectFault({ action: 'DescribeUserVerifyStatus', dropAnswer: true });
    emulator.injectFault({ action: 'DescribeUserVerifyStatus', code: 'InvalidParameter' });
    const error = await gateway.call('DescribeUserVerifyStatus', STATUS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EssCallError);
    expect(error).toMatchObject({ mayHaveTakenEffect: true });
  });
});
