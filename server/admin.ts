/**
 * Who may use the operator functions (enterprise batch authentication): the WeChat users whose
 * OPENIDs are listed in the environment variable `ADMIN_OPENIDS`, comma-separated. Unset or empty,
 * nobody may. The runtime checks it right after the caller's identity, before the event is even
 * read (functions marked `admin` in `CLOUD_FUNCTIONS`): anyone else is answered `FORBIDDEN` and
 * causes no ESS call and no write.
 */
import type { Logger } from './log';

/** `" oA1, oB2 ,,oC3"` -> {oA1, oB2, oC3} (full-width commas accepted too). */
export function parseAdminOpenids(raw: string | undefined): ReadonlySet<string> {
  return new Set(
    (raw ?? '')
      .split(/[,，]/)
      .map((openid) => openid.trim())
      .filter(Boolean),
  );
}

/** Whether `openid` is a configured operator; says in the log why not. */
export function isAdmin(openid: string, log: Logger): boolean {
  const admins = parseAdminOpenids(process.env.ADMIN_OPENIDS);
  if (admins.has(openid)) return true;
  log.warn(
    admins.size > 0 ? 'caller is not an admin' : 'ADMIN_OPENIDS is not set: nobody is an admin',
  );
  return false;
}
