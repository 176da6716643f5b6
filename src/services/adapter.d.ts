/**
 * The platform adapter. Taro resolves `./adapter` to `adapter.weapp.ts` or `adapter.h5.ts` at
 * build time (its multi-platform file convention), so each build holds only its own adapter; jest
 * does the same per project (`moduleFileExtensions`). This declaration is what TypeScript sees.
 */
import type { PlatformAdapter } from './types';

export declare const adapter: PlatformAdapter;
