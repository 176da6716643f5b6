/** Small helpers for calling WeChat APIs through Taro (callback style, promisified or not). */

export type WxOutcome<T> = { ok: true; value: T } | { ok: false; errMsg: string };

interface WxCallbacks<T> {
  success: (res: T) => void;
  fail: (res: unknown) => void;
}

/** The `errMsg` of a WeChat failure, e.g. `saveImageToPhotosAlbum:fail auth deny`. */
export function errMsgOf(res: unknown): string {
  return String((res as { errMsg?: unknown } | undefined)?.errMsg ?? '');
}

export const isCancel = (res: unknown): boolean => /cancel/i.test(errMsgOf(res));

/** Promisified Taro APIs reject on failure; the `fail` callback already handled it. */
export function ignoreRejection(value: unknown): void {
  if (value && typeof (value as Promise<unknown>).catch === 'function') {
    (value as Promise<unknown>).catch(() => undefined);
  }
}

/**
 * Calls a WeChat API with `success`/`fail` callbacks and resolves once with the outcome.
 * Never rejects: a missing API or a throwing call is a failure like any other.
 */
export function callWx<T>(start: (callbacks: WxCallbacks<T>) => unknown): Promise<WxOutcome<T>> {
  return new Promise((resolve) => {
    try {
      ignoreRejection(
        start({
          success: (value) => resolve({ ok: true, value }),
          fail: (res) => resolve({ ok: false, errMsg: errMsgOf(res) }),
        }),
      );
    } catch (error) {
      resolve({ ok: false, errMsg: error instanceof Error ? error.message : String(error) });
    }
  });
}
