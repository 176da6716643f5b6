import { useCallback, useEffect, useRef, useState } from 'react';
import { maskIdCardNumber, maskName } from '../../domain/mask';
import { ERROR_MESSAGES, type ErrorCode } from '../../domain/errors';
import type { EssVerifyLink, FailureResult } from '../../domain/verificationContract';
import type { VerificationErrors, VerificationInput } from '../../domain/verificationInput';
import { goToResult } from '../../services/navigation';
import {
  fetchVerifyStatus,
  isLinkExpired,
  requestVerifyLink,
  toVerifyLink,
} from '../../services/verification';

export type LinkPhase =
  | { kind: 'checking' }
  | { kind: 'form' }
  /** `queueMessage`: the call the page made by itself once the wait was over (still queued). */
  | { kind: 'submitting'; queueMessage?: string }
  /** Waiting for a turn at ESS: the same input is sent again at `retryAt` (ms since epoch). */
  | { kind: 'queued'; input: VerificationInput; retryAt: number; message: string }
  | { kind: 'ready'; link: EssVerifyLink; maskedName?: string; maskedIdCardNumber?: string };

export interface LinkFailure {
  code: ErrorCode;
  message: string;
}

/** The wait before calling again, whatever the server says: at least 1 s, at most a minute. */
const MIN_WAIT_MS = 1_000;
const MAX_WAIT_MS = 60_000;

/** A failure that means "your turn has not come yet", and how long to wait. */
function waitOf(result: FailureResult): number | null {
  const waits = result.code === 'QUEUED' || result.code === 'RATE_LIMITED';
  if (!waits || typeof result.retryAfterMs !== 'number') return null;
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, result.retryAfterMs));
}

/**
 * The verify page's way to a link: the status check when shown, the request, the waiting room
 * (QUEUED: keep the form, count down, call again by itself) and the ready link.
 * Each request or check takes a ticket; only the latest one may change the phase.
 */
export function useLinkRequest(onFieldErrors: (errors: VerificationErrors) => void) {
  const [phase, setPhase] = useState<LinkPhase>({ kind: 'checking' });
  const [failure, setFailure] = useState<LinkFailure | null>(null);
  const ticketRef = useRef(0);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  const refreshStatus = useCallback(async () => {
    // A request under way (or waiting its turn) owns the page until it ends.
    const busy = phaseRef.current.kind === 'submitting' || phaseRef.current.kind === 'queued';
    if (busy) return;
    const ticket = ++ticketRef.current;
    const status = await fetchVerifyStatus();
    if (ticket !== ticketRef.current) return;
    if (status.ok && status.status === 'verified') {
      setPhase({ kind: 'form' });
      goToResult({ replace: true });
      return;
    }
    if (status.ok && status.status === 'pending' && !isLinkExpired(status)) {
      // Came back later: the link ESS issued is still valid, nothing to type again.
      setPhase({
        kind: 'ready',
        link: toVerifyLink(status),
        maskedName: status.maskedName,
        maskedIdCardNumber: status.maskedIdCardNumber,
      });
      return;
    }
    // none, expired, or the check failed: the form (with whatever was typed) is the way on.
    setPhase((current) => (current.kind === 'checking' || status.ok ? { kind: 'form' } : current));
  }, []);

  const submit = useCallback(
    async (input: VerificationInput, queueMessage?: string) => {
      const ticket = ++ticketRef.current;
      setFailure(null);
      setPhase({ kind: 'submitting', ...(queueMessage ? { queueMessage } : {}) });
      const result = await requestVerifyLink(input);
      if (ticket !== ticketRef.current) return;
      if (!result.ok) {
        const wait = waitOf(result);
        if (wait !== null) {
          // The page continues by itself, so it says so (a rate-limit message asks to retry).
          const message = result.code === 'QUEUED' ? result.message : ERROR_MESSAGES.QUEUED;
          setPhase({ kind: 'queued', input, retryAt: Date.now() + wait, message });
          return;
        }
        setPhase({ kind: 'form' });
        setFailure({ code: result.code, message: result.message });
        if (result.fieldErrors) onFieldErrors(result.fieldErrors);
        return;
      }
      if (result.verified) {
        setPhase({ kind: 'form' });
        goToResult();
        return;
      }
      setPhase({
        kind: 'ready',
        link: toVerifyLink(result),
        maskedName: maskName(input.name),
        maskedIdCardNumber: maskIdCardNumber(input.idCardNumber),
      });
    },
    [onFieldErrors],
  );

  // The waiting room: when the turn comes, the same input is sent again without a tap.
  useEffect(() => {
    if (phase.kind !== 'queued') return undefined;
    const { input, retryAt, message } = phase;
    const timer = setTimeout(() => void submit(input, message), Math.max(0, retryAt - Date.now()));
    return () => clearTimeout(timer);
  }, [phase, submit]);

  /** Back to the form, with what was typed (a pending request's answer is ignored). */
  const backToForm = useCallback((failureCode?: ErrorCode) => {
    ticketRef.current += 1;
    setFailure(failureCode ? { code: failureCode, message: ERROR_MESSAGES[failureCode] } : null);
    setPhase({ kind: 'form' });
  }, []);

  return { phase, failure, refreshStatus, submit, backToForm };
}
