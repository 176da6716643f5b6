/** What each platform adapter (weapp, h5) provides; pages and services only see this. */
import type { EssVerifyLink, FailureResult } from '../domain/verificationContract';

export interface OpenLinkCallbacks {
  /** The ESS verification page is open (the user is now in ESS). */
  onOpened?: () => void;
  /** The user declined to open it (nothing to report). */
  onCancelled?: () => void;
  /** It could not be opened; `message` is Chinese and safe to show. */
  onFailed?: (message: string) => void;
}

export interface PlatformAdapter {
  /** One-time set-up at app launch. */
  init(): void;
  /** Calls a server function; never rejects: failures come back as a `FailureResult`. */
  callFunction<T>(name: string, data: object): Promise<T | FailureResult>;
  /**
   * Opens the ESS verification link. Must be called synchronously from the user's tap:
   * WeChat only opens another mini-program from a tap, not after an `await`.
   */
  openVerifyLink(link: EssVerifyLink, callbacks?: OpenLinkCallbacks): void;
}
