/**
 * Stands in for `whatwg-url` in the cloud-function bundles. Its only importer, node-fetch 2, takes
 * `Url.URL || whatwgUrl.URL`, i.e. Node's own WHATWG `URL` on every Node since 10, so the package
 * (and tr46's ~260 KB Unicode table) is dead weight there. This answers with Node's built-ins.
 */
export { URL, URLSearchParams } from 'url';
