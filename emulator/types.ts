/** Public types of the ESS emulator. */
import type { CallbackTarget } from './callbackSender';

export type { CallbackTarget };

export interface EssEmulatorOptions {
  /** The only SecretId the emulator knows; any other answers `AuthFailure.SecretIdNotFound`. */
  secretId: string;
  secretKey: string;
  /** ESS employee UserIds accepted as `Operator.UserId`. */
  operatorIds: string[];
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on. Default 0: a free port. */
  port?: number;
  /** Base of the links the emulator hands out for its own pages (H5 verification). Default: its own URL. */
  publicBaseUrl?: string;
  /** Requests allowed per action in any 1-second window. Default 20, as the real API. */
  rateLimitPerSecond?: number;
  /** How long a batch registration task stays "processing". Default 3000 ms. */
  taskReadyDelayMs?: number;
  /** `MiniAppId` answered for APP links. Default `wx371151823f6f3edf` (腾讯电子签Demo). */
  miniAppIdAnswer?: string;
  /** Clock in ms. Default `Date.now`. Drives signature age, link expiry, rate limit and task readiness. */
  now?: () => number;
  /**
   * Keep the state (links, verified people, tasks) in this JSON file across restarts, as a real
   * ESS would. Default: memory only. Meant for the local stack, not for tests.
   */
  stateFile?: string;
  /**
   * Send ESS's `UserAccountVerify` callback here when a person completes a link that carried
   * UserData (before the browser is sent back to the JumpUrl). Default: no callbacks.
   */
  callback?: CallbackTarget;
  /** One line per call. Default: silent. Never receives full ID numbers or mobiles. */
  log?: (line: string) => void;
}

/** One request to the ESS API path (`POST /`), as the emulator saw and answered it. */
export interface RecordedCall {
  action: string;
  version: string;
  /** The JSON body ({} when it could not be parsed). */
  params: Record<string, unknown>;
  requestId: string;
  /** Set when the answer was an error. */
  errorCode?: string;
  /** The call took effect but its answer was dropped (an injected `dropAnswer` fault). */
  answerDropped?: boolean;
  /** Clock (ms) when the request arrived. */
  at: number;
  /** Whether the TC3-HMAC-SHA256 signature was checked and valid. */
  signatureValid: boolean;
}

export interface InjectedFault {
  /** Only calls of this action match. Default: every action. */
  action?: string;
  /** Error code to answer, e.g. `InternalError`. Without it the call is only delayed. */
  code?: string;
  /** Error message. Default: a message typical of the code. */
  message?: string;
  /** How many matching calls the fault applies to. Default 1. */
  times?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /**
   * Each matching call is faulted with this probability (0–1]; the others pass. With it, `times`
   * counts faulted calls and defaults to unlimited (until `reset`).
   */
  probability?: number;
  /**
   * The call is carried out (a link is made, …) and then the connection is dropped without an
   * answer: the client sees a network failure for a call that took effect.
   */
  dropAnswer?: boolean;
}

/** What tests and demos can do with a running emulator. */
export interface EssEmulatorControl {
  /** Every call that reached the ESS API path, in order; only those of `action` when given. */
  calls(action?: string): RecordedCall[];
  injectFault(fault: InjectedFault): void;
  /** Forgets the injected faults (and nothing else). */
  clearFaults(): void;
  /** Slows every ESS API answer by `ms`. */
  setLatency(ms: number): void;
  /** Marks a person verified, as if they had completed a verification link. */
  markVerified(name: string, idCardNumber: string): void;
  /**
   * The person of every personal verification link carrying `userData` completes it, as on ESS's
   * page: marked verified, and ESS's callback is sent (when configured). Answers how many links.
   */
  completeUserVerification(userData: string): Promise<number>;
  /** Forgets calls, faults, latency and all state (links, verified people, tasks). */
  reset(): void;
}

export interface EssEmulator extends EssEmulatorControl {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** `127.0.0.1:PORT`: what the SDK's `httpProfile.endpoint` takes (with `protocol: 'http://'`). */
  endpoint: string;
  port: number;
  /** Stops listening and closes every open (keep-alive) connection. */
  close(): Promise<void>;
}
