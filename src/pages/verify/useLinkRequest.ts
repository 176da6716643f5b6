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

/** ESS failing for a moment (busy, a time-out): tried again by the page this many times. */
const MAX_AUTOMATIC_RETRIES = 3;

/** Said while the page tries again by itself after ESS failed for a moment. */
export const RETRYING_MESSAGE = '腾讯电子签暂时繁忙，正在为你自动重试，无需重新填写';

/**
 * A failure the page waits out by itself, how long, and what it says meanwhile: the queue for
 * ESS (`QUEUED`, or a rate limit) always; another failure the server says is worth retrying soon
 * (`retryAfterMs`: ESS busy, a time-out) up to `MAX_AUTOMATIC_RETRIES` times in a row.
 */
function waitOf(
  result: FailureResult,
  retriesSoFar: number,
): { ms: number; message: string; transient: boolean } | null {
  if (typeof result.retryAfterMs !== 'number') return null;
  const ms = Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, result.retryAfterMs));
  if (result.code === 'QUEUED') return { ms, message: result.message, transient: false };
  // A rate-limit message asks the user to retry: the page continues by itself, so it says so.
  if (result.code === 'RATE_LIMITED')
    return { ms, message: ERROR_MESSAGES.QUEUED, transient: false };
  if (retriesSoFar >= MAX_AUTOMATIC_RETRIES) return null;
  return { ms, message: RETRYING_MESSAGE, transient: true };
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
  /** Automatic retries after transient ESS failures, in a row (reset by any other answer). */
  const retriesRef = useRef(0);
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
        const wait = waitOf(result, retriesRef.current);
        if (wait !== null) {
          retriesRef.current = wait.transient ? retriesRef.current + 1 : 0;
          setPhase({ kind: 'queued', input, retryAt: Date.now() + wait.ms, message: wait.message });
          return;
        }
        retriesRef.current = 0;
        setPhase({ kind: 'form' });
        setFailure({ code: result.code, message: result.message });
        if (result.fieldErrors) onFieldErrors(result.fieldErrors);
        return;
      }
      retriesRef.current = 0;
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
