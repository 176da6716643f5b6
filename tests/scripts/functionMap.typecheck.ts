/**
 * Compile-time checks of the typed function map, run by `tsc --noEmit` (part of `npm test`): each
 * `@ts-expect-error` line must fail to compile, or tsc reports the directive as unused.
 * Never executed.
 */
import { callFunction } from '../../src/services/platform';
import { cloudFunction } from '../../server/functions/runtime';

export async function typeChecks(): Promise<void> {
  // A correct call compiles, and its result is the contract's.
  const link = await callFunction('createUserVerifyUrl', {
    name: '张三',
    idCardNumber: '11010519491231002X',
    mobile: '13800138000',
  });
  if (link.ok && !link.verified) void link.expireTime;

  // @ts-expect-error a misspelt function name
  await callFunction('createUserVerifyURL', {});

  // @ts-expect-error an event missing a field of the contract
  await callFunction('createUserVerifyUrl', { name: '张三', idCardNumber: '1' });

  // @ts-expect-error a field the contract does not have
  await callFunction('getUserVerifyStatus', { openid: 'someone-else' });

  // @ts-expect-error the server registering a function the map does not know
  cloudFunction('createUserVerifyUrls', async () => ({ ok: true }));

  // @ts-expect-error a handler answering a result of another function's shape
  cloudFunction('getUserVerifyStatus', async () => ({ ok: true as const, verified: true }));

  cloudFunction('createUserVerifyUrl', async (event) => {
    // @ts-expect-error reading a key that is not in the event's contract
    void event.openid;
    return { ok: true, verified: true };
  });
}
