/** Resolved per platform by Taro (and per jest project): `draftStorage.weapp.ts`, `draftStorage.h5.ts`. */
import type { DraftStorage } from './types';

export declare const draftStorage: DraftStorage;
