/**
 * The rows of a new submission not to send: their enterprise was sent by an earlier submission of
 * the same operator without an answer (`heldCodes.ts`), and the operator has not confirmed it was
 * not registered — or it is being sent right now by another invocation, confirmed or not. The
 * codes the operator confirmed (`confirmedNotSubmitted`) are forgotten, so their rows go.
 */
import type { Logger } from '../../log';
import type { HeldCodes } from '../heldCodes';
import type { RegistrationRequest } from '../requests';

export async function heldRowsOf(
  held: HeldCodes,
  log: Logger,
  owner: string,
  request: RegistrationRequest,
): Promise<number[]> {
  const codes = request.organizations.map((row) => row.uniformSocialCreditCode);
  const confirmed = new Set(request.confirmedNotSubmitted ?? []);
  const known = await held.lookup(owner, [...codes, ...confirmed]);
  const released = [...confirmed].filter((code) => known.get(code) === 'unconfirmed');
  if (released.length > 0) {
    await held.forget(owner, released);
    log.info('enterprises confirmed not submitted by the operator', { count: released.length });
  }
  const heldRows = codes.flatMap((code, index) => {
    const state = known.get(code);
    return !state || (state === 'unconfirmed' && confirmed.has(code)) ? [] : [index];
  });
  if (heldRows.length > 0) {
    log.warn('enterprises sent earlier without an answer: not sent again', {
      held: heldRows.length,
    });
  }
  return heldRows;
}
