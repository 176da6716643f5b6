/** Faults injected by tests: the next matching calls are delayed and/or answered with an error. */
import type { InjectedFault } from './types';

export interface ActiveFault {
  code?: string;
  message?: string;
  delayMs: number;
}

interface QueuedFault extends ActiveFault {
  action?: string;
  remaining: number;
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** Throws a TypeError describing what is wrong with a fault, if anything. */
export function assertValidFault(fault: unknown): asserts fault is InjectedFault {
  if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) {
    throw new TypeError('A fault is an object: { action?, code?, message?, times?, delayMs? }');
  }
  const { action, code, message, times, delayMs } = fault as Record<string, unknown>;
  if (!isOptionalString(action) || !isOptionalString(code) || !isOptionalString(message)) {
    throw new TypeError('Fault action, code and message must be strings');
  }
  if (
    times !== undefined &&
    !(typeof times === 'number' && Number.isInteger(times) && times >= 1)
  ) {
    throw new TypeError('Fault times must be a positive integer');
  }
  if (
    delayMs !== undefined &&
    !(typeof delayMs === 'number' && Number.isFinite(delayMs) && delayMs >= 0)
  ) {
    throw new TypeError('Fault delayMs must be a non-negative number of milliseconds');
  }
  if (code === undefined && delayMs === undefined) {
    throw new TypeError('A fault needs a code, a delayMs, or both');
  }
}

export class FaultQueue {
  private faults: QueuedFault[] = [];

  add(fault: InjectedFault): void {
    assertValidFault(fault);
    this.faults.push({
      action: fault.action,
      code: fault.code,
      message: fault.message,
      delayMs: fault.delayMs ?? 0,
      remaining: fault.times ?? 1,
    });
  }

  /** The first fault matching `action`, used up by one call; undefined when none matches. */
  take(action: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (candidate) => candidate.action === undefined || candidate.action === action,
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return { code: fault.code, message: fault.message, delayMs: fault.delayMs };
  }

  clear(): void {
    this.faults = [];
  }
}
