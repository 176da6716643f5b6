/**
 * Who may use the admin (enterprise batch-authentication) functions: the WeChat users whose
 * OPENIDs are listed in the environment variable `ADMIN_OPENIDS`, comma-separated. Unset or empty,
 * nobody may. The check runs right after the caller's identity, before the event is even read:
 * anyone else is answered `FORBIDDEN` and causes no ESS call and no write.
 */
import { failure } from './failure';
import {
  cloudFunction,
  type CloudFunctionOptions,
  type FunctionHandler,
} from './functions/runtime';

/** `" oA1, oB2 ,,oC3"` -> {oA1, oB2, oC3} (full-width commas accepted too). */
export function parseAdminOpenids(raw: string | undefined): ReadonlySet<string> {
  return new Set(
    (raw ?? '')
      .split(/[,，]/)
      .map((openid) => openid.trim())
      .filter(Boolean),
  );
}

/** A cloud function only the configured admins may call (see `cloudFunction` for the rest). */
export function adminFunction<R>(
  name: string,
  handler: FunctionHandler<R>,
  options: CloudFunctionOptions = {},
) {
  return cloudFunction<R>(
    name,
    async (event, ctx) => {
      const admins = parseAdminOpenids(process.env.ADMIN_OPENIDS);
      if (!admins.has(ctx.caller.openid)) {
        ctx.log.warn(
          admins.size > 0
            ? 'caller is not an admin'
            : 'ADMIN_OPENIDS is not set: nobody is an admin',
        );
        return failure('FORBIDDEN');
      }
      return handler(event, ctx);
    },
    options,
  );
}
