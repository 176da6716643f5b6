/**
 * Cloud function `checkOperatorAccess` (operators only) — event `{}`. Whether the caller may use
 * the enterprise batch-authentication pages, asked once when a page opens with nothing else to
 * ask: the runtime answers `FORBIDDEN` to anyone not in `ADMIN_OPENIDS` before this runs, so an
 * operator gets `{ ok: true }`. No ESS call, no store access, no configuration needed.
 */
import { cloudFunction } from './runtime';
import { ACCESS_MESSAGES } from '../organizations/wording';

export const main = cloudFunction('checkOperatorAccess', async () => ({ ok: true }) as const, {
  messages: ACCESS_MESSAGES,
});
