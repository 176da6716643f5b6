/** Faults injected by tests: the next matching calls are delayed and/or answered with an error. */
import type { InjectedFault } from './types';

export interface ActiveFault {
  code?: string;
  message?: string;
  delayMs: number;
  dropAnswer: boolean;
}

interface QueuedFault extends ActiveFault {
  action?: string;
  remaining: number;
  probability: number;
}

function isOptionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** Throws a TypeError describing what is wrong with a fault, if anything. */
export function assertValidFault(fault: unknown): asserts fault is InjectedFault {
  if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) {
    throw new TypeError('A fault is an object: { action?, code?, message?, times?, delayMs? }');
  }
  const { action, code, message, times, delayMs, probability, dropAnswer } = fault as Record<
    string,
    unknown
  >;
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
  if (
    probability !== undefined &&
    !(typeof probability === 'number' && probability > 0 && probability <= 1)
  ) {
    throw new TypeError('Fault probability must be a number in (0, 1]');
  }
  if (dropAnswer !== undefined && typeof dropAnswer !== 'boolean') {
    throw new TypeError('Fault dropAnswer must be a boolean');
  }
  if (code !== undefined && dropAnswer) {
    throw new TypeError('A dropped answer carries no error code');
  }
  if (code === undefined && delayMs === undefined && !dropAnswer) {
    throw new TypeError('A fault needs a code, a delayMs, dropAnswer, or a combination');
  }
}

export class FaultQueue {
  private faults: QueuedFault[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  add(fault: InjectedFault): void {
    assertValidFault(fault);
    this.faults.push({
      action: fault.action,
      code: fault.code,
      message: fault.message,
      delayMs: fault.delayMs ?? 0,
      dropAnswer: fault.dropAnswer ?? false,
      probability: fault.probability ?? 1,
      remaining: fault.times ?? (fault.probability !== undefined ? Infinity : 1),
    });
  }

  /**
   * The first matching fault that applies to this call (each rolls its probability), used up by
   * it; undefined when none does.
   */
  take(action: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (candidate) =>
        (candidate.action === undefined || candidate.action === action) &&
        (candidate.probability >= 1 || this.random() < candidate.probability),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return {
      code: fault.code,
      message: fault.message,
      delayMs: fault.delayMs,
      dropAnswer: fault.dropAnswer,
    };
  }

  clear(): void {
    this.faults = [];
  }
}
