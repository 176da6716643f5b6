/** Resolved per platform by Taro (and per jest project): `privacyApi.weapp.ts`, `privacyApi.h5.ts`. */
import type { PrivacyApi } from './types';

export declare const privacyApi: PrivacyApi;
