import { useCallback, useEffect, useRef, useState } from 'react';
import type { EssVerifyLink, GetUserVerifyStatusResult } from '../../domain/verificationContract';
import { fetchVerifyStatus, isLinkExpired, toVerifyLink } from '../../services/verification';

/**
 * After coming back from ESS, a still-pending status is checked again after these waits: ESS's
 * callback (or the next status check at ESS) may take a few seconds to land.
 */
const RECHECK_DELAYS_MS: readonly number[] = [2_000, 4_000];

/**
 * Pending right after a return from ESS: `confirming` while the page checks again by itself,
 * `unfinished` once those checks are done. Either way the page looks the same whether or not ESS
 * knew the identity before: nothing is revealed.
 */
export type ReturnState = 'confirming' | 'unfinished' | null;

export type StatusView =
  | { kind: 'loading' }
  | { kind: 'verified'; maskedName?: string; maskedIdCardNumber?: string }
  | {
      kind: 'pending';
      link: EssVerifyLink;
      maskedName?: string;
      maskedIdCardNumber?: string;
      returned: ReturnState;
    }
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'failed'; message: string }
  | { kind: 'withdrawn' };

function toView(result: GetUserVerifyStatusResult, returned: ReturnState): StatusView {
  if (!result.ok) {
    return result.code === 'LINK_EXPIRED'
      ? { kind: 'expired' }
      : { kind: 'failed', message: result.message };
  }
  if (result.status === 'verified') {
    return {
      kind: 'verified',
      maskedName: result.maskedName,
      maskedIdCardNumber: result.maskedIdCardNumber,
    };
  }
  if (result.status === 'pending') {
    if (isLinkExpired(result)) return { kind: 'expired' };
    return {
      kind: 'pending',
      link: toVerifyLink(result),
      maskedName: result.maskedName,
      maskedIdCardNumber: result.maskedIdCardNumber,
      returned,
    };
  }
  return result.expired ? { kind: 'expired' } : { kind: 'none' };
}

/** Asks the server for the status and turns the answer into what the result page shows. */
export function useVerifyStatus() {
  const [view, setView] = useState<StatusView>({ kind: 'loading' });
  const requestRef = useRef(0);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timerRef.current), []);

  /** `recheck`: the index of the next automatic re-check, or null when there are none. */
  const check = useCallback(async (request: number, recheck: number | null) => {
    const result = await fetchVerifyStatus();
    if (request !== requestRef.current) return;
    if (recheck === null || !(result.ok && result.status === 'pending')) {
      setView(toView(result, null));
      return;
    }
    if (recheck >= RECHECK_DELAYS_MS.length) {
      setView(toView(result, 'unfinished'));
      return;
    }
    setView(toView(result, 'confirming'));
    timerRef.current = setTimeout(
      () => void check(request, recheck + 1),
      RECHECK_DELAYS_MS[recheck],
    );
  }, []);

  /** `afterEss`: the user just came back from ESS, so a pending answer is checked again. */
  const reload = useCallback(
    (options: { afterEss?: boolean } = {}) => {
      clearTimeout(timerRef.current);
      const request = ++requestRef.current;
      setView({ kind: 'loading' });
      return check(request, options.afterEss ? 0 : null);
    },
    [check],
  );

  /** Shows `next` and drops any answer or re-check still under way. */
  const show = useCallback((next: StatusView) => {
    clearTimeout(timerRef.current);
    requestRef.current += 1;
    setView(next);
  }, []);

  return { view, show, reload };
}
