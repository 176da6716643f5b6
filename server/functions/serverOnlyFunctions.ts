/**
 * The functions no page calls — started by the cloud's HTTP access service or a timer — with their
 * events and results (the pages' functions are in `src/domain/functionContract.ts`).
 */
import type { HttpEvent, HttpResult } from '../callback/httpEvent';

export interface ServerOnlyFunctions {
  essCallback: { event: HttpEvent; result: HttpResult };
  purgeExpiredVerifications: {
    event: Record<string, unknown>;
    result: { ok: true; erased: number; verified: number };
  };
}
