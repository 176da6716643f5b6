/** The WeChat mini-program adapter (see adapter.d.ts). */
export { weappPlatform as adapter } from './weapp/platform';
