/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Node and inlined by Taro at build time. */
    NODE_ENV?: 'development' | 'production' | 'test';
    /** The platform being built, inlined by Taro (webpack drops the other platform's branch). */
    TARO_ENV?: 'weapp' | 'h5';
    /** Optional cloud environment id (from `.env.*`), inlined by Taro; otherwise the current one. */
    TARO_APP_CLOUD_ENV?: string;
  }
}
