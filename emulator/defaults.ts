/**
 * Local defaults of the ESS emulator. They are obviously fake: the SecretId does not match a real
 * Tencent Cloud SecretId (`AKID` + 32 letters/digits), so it can never be mistaken for, or leak as,
 * a production credential.
 */

/** SecretId the emulator accepts when none is configured. */
export const EMULATOR_SECRET_ID = 'AKIDLOCALEMULATOR';

/** SecretKey the emulator accepts when none is configured. */
export const EMULATOR_SECRET_KEY = 'local-ess-emulator-secret-key-not-for-production';

/** ESS employee UserId (the `Operator.UserId` of every call) the emulator accepts by default. */
export const EMULATOR_OPERATOR_ID = 'yDxEmulatorLocalOperator00000001';

/** Port of the standalone emulator (`npm run emulator`). */
export const EMULATOR_DEFAULT_PORT = 8787;

/** Interface the emulator listens on unless told otherwise. */
export const EMULATOR_DEFAULT_HOST = '127.0.0.1';

/** The ESS API version the emulator serves. */
export const ESS_API_VERSION = '2020-11-11';

/** Per-action limit of the real API: "默认接口请求频率限制：20次/秒". */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 20;

/** Batch registration tasks become ready after this long ("正常情况下 3~5 秒即可完成"). */
export const DEFAULT_TASK_READY_DELAY_MS = 3000;

/** `MiniAppId` answered for APP links: the app id of 腾讯电子签Demo (ESS test environment). */
export const DEFAULT_MINI_APP_ID_ANSWER = 'wx371151823f6f3edf';

/** Links created by ESS are valid for 7 days. */
export const LINK_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

/** The gateway rejects a request whose X-TC-Timestamp is more than 5 minutes away from its clock. */
export const SIGNATURE_MAX_AGE_SECONDS = 300;

/** Largest request body the emulator reads (the API 3.0 gateway limit for POST bodies). */
export const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;
