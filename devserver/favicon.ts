/**
 * The page icon (a white tick on the product's blue), served at `/favicon.ico` when the H5 build
 * has none, so a browser's icon request never ends in a 404. `src/index.html` points at it.
 */
export const FAVICON_PATH = '/favicon.ico';

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" rx="14" fill="#1f6feb"/>
<path d="M18 33l9 9 19-20" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
</svg>
`;
