/**
 * Boundary mock of `@tarojs/taro` for the page tests: the runtime APIs the app calls, as
 * jest.fn()s, and lifecycle hooks the tests can fire (`__triggerDidShow`, `__triggerDidHide`).
 */
import { useEffect, useRef } from 'react';

type Callback = (...args: any[]) => void;
type Listener = { current: Callback };

const didShow: Listener[] = [];
const didHide: Listener[] = [];
let privacyListener: Callback | null = null;
let routerParams: Record<string, string> = {};

const resolved = () => Promise.resolve({ errMsg: 'ok' });
const storage = new Map<string, unknown>();

/** An API that calls `success` with `result` and resolves with it. */
function succeed(result: Record<string, unknown>) {
  return (options: { success?: Callback } = {}) => {
    const res = { errMsg: 'ok', ...result };
    options.success?.(res);
    return Promise.resolve(res);
  };
}

function createApis() {
  return {
    cloud: {
      DYNAMIC_CURRENT_ENV: 'DYNAMIC_CURRENT_ENV',
      init: jest.fn(),
      callFunction: jest.fn(async () => ({
        result: { ok: true, status: 'none' },
        errMsg: 'cloud.callFunction:ok',
      })),
    },
    // Like WeChat's: not promisified by Taro, answers through success/fail.
    openEmbeddedMiniProgram: jest.fn(),
    // Promisified by Taro: returns a promise and calls success/fail.
    navigateToMiniProgram: jest.fn(resolved),
    navigateTo: jest.fn(resolved),
    redirectTo: jest.fn(resolved),
    navigateBack: jest.fn(resolved),
    reLaunch: jest.fn(resolved),
    getCurrentPages: jest.fn((): Array<{ route?: string }> => []),
    getPrivacySetting: jest.fn((options: { success?: Callback }) =>
      options.success?.({
        needAuthorization: false,
        privacyContractName: '《示例小程序隐私保护指引》',
        errMsg: 'ok',
      }),
    ),
    // WeChat keeps the listener for the app's lifetime; so does this mock (see __triggerNeedPrivacyAuthorization).
    onNeedPrivacyAuthorization: jest.fn((listener: Callback) => {
      privacyListener = listener;
    }),
    openPrivacyContract: jest.fn(),
    exitMiniProgram: jest.fn(resolved),
    navigateBackMiniProgram: jest.fn(resolved),
    // The standard text size unless a test says otherwise.
    getAppBaseInfo: jest.fn(() => ({ fontSizeScaleFactor: 1, fontSizeSetting: 17 })),
    getEnterOptionsSync: jest.fn(() => ({ path: '', scene: 1001, query: {}, referrerInfo: {} })),
    showToast: jest.fn(resolved),
    // Local storage in memory, emptied by __resetTaro (a missing key reads as '', as in WeChat).
    setStorageSync: jest.fn((key: string, value: unknown) => {
      storage.set(key, value);
    }),
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    removeStorageSync: jest.fn((key: string) => {
      storage.delete(key);
    }),
    pageScrollTo: jest.fn(resolved),
    // Promisified by Taro and answering through success/fail, like WeChat.
    setClipboardData: jest.fn(succeed({})),
    downloadFile: jest.fn(
      succeed({ statusCode: 200, tempFilePath: 'wxfile://tmp/downloaded.png' }),
    ),
    saveImageToPhotosAlbum: jest.fn(succeed({})),
    openSetting: jest.fn(succeed({ authSetting: {} })),
  };
}

type Apis = ReturnType<typeof createApis>;
const Taro = createApis() as Apis & Record<string, any>;

/** Restores every API to its default (tests may replace or delete them). Keeps the privacy listener. */
export function __resetTaro(): void {
  for (const key of Object.keys(Taro)) delete Taro[key];
  storage.clear();
  Object.assign(Taro, createApis());
  routerParams = {};
}

function lifecycle(list: Listener[], fireOnMount: boolean) {
  return (fn: Callback) => {
    const ref = useRef(fn);
    ref.current = fn;
    useEffect(() => {
      list.push(ref);
      if (fireOnMount) ref.current();
      return () => {
        const index = list.indexOf(ref);
        if (index >= 0) list.splice(index, 1);
      };
    }, []);
  };
}

/**
 * Fires `onShow` like WeChat: the App's listener before the pages' (effects register children
 * first, so listeners are called in reverse order). Pages also get the initial show on mount.
 */
export function __triggerDidShow(options?: unknown): void {
  [...didShow].reverse().forEach((listener) => listener.current(options));
}

export function __triggerDidHide(): void {
  [...didHide].reverse().forEach((listener) => listener.current());
}

/** What WeChat does when a privacy-protected API needs the user's consent. */
export function __triggerNeedPrivacyAuthorization(resolve: Callback): void {
  if (!privacyListener) throw new Error('onNeedPrivacyAuthorization was never registered');
  privacyListener(resolve, { referrer: 'test' });
}

export function __setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export const useDidShow = lifecycle(didShow, true);
export const useDidHide = lifecycle(didHide, false);
export const useLaunch = (fn: Callback) => {
  const ref = useRef(fn);
  useEffect(() => ref.current({ path: '', scene: 1001, query: {}, referrerInfo: {} }), []);
};
export const useLoad = (fn: Callback) => {
  const ref = useRef(fn);
  useEffect(() => ref.current(routerParams), []);
};
export const useRouter = () => ({ params: routerParams, path: '' });

export default Taro;
