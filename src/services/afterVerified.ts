/**
 * Where the verified page's "way on" leads, set by the integrating service at build time:
 * `TARO_APP_AFTER_VERIFIED_PAGE` — a page path inside the mini-program (`/pages/home/index`) or,
 * for the H5 build, an `https://` URL. Unset: the flow closes (back to where the user came from).
 */
import type { LeaveFlowTarget } from './types';

export function afterVerifiedTarget(
  raw: string | undefined = process.env.TARO_APP_AFTER_VERIFIED_PAGE,
): LeaveFlowTarget | null {
  const value = (raw ?? '').trim();
  if (!value) return null;
  if (/^https?:\/\//i.test(value)) return { kind: 'url', url: value };
  return { kind: 'page', path: value.startsWith('/') ? value : `/${value}` };
}
