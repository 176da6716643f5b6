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
    /** Optional cloud environment id (shell or `.env`), inlined by Taro; otherwise the current one. */
    TARO_APP_CLOUD_ENV?: string;
    /**
     * Where the verified page's "继续" leads (shell or `.env`, inlined by Taro): a page path of the
     * mini-program, or an https URL for the H5 build. Unset: "完成" leaves the flow.
     */
    TARO_APP_AFTER_VERIFIED_PAGE?: string;
  }
}
