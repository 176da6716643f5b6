/** The browser adapter of the local H5 build (see adapter.d.ts). */
export { h5Platform as adapter } from './h5/platform';
