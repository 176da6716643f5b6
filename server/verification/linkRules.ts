/**
 * When a link ESS issued is still worth handing out — one rule, used by link creation (reuse) and
 * by the status answer (continue) alike.
 */
import type { EssVerifyLink } from '../../src/domain/verificationContract';

/** A link this close to its expiry is not handed out again: the user needs time to finish. */
export const REUSE_MARGIN_SECONDS = 10 * 60;

/** How the link is opened: the ESS mini-program (in WeChat) or ESS's H5 page (in a browser). */
export type VerifyChannel = { endpoint: 'APP' } | { endpoint: 'H5'; jumpUrl: string };

/** The link kind a channel opens. */
export function linkKindOf(channel: VerifyChannel): EssVerifyLink['kind'] {
  return channel.endpoint === 'H5' ? 'h5' : 'miniProgram';
}

/**
 * Whether `link` may still be given to the user at `nowMs`: not expired and not about to, and (when
 * a channel is given) of the kind that channel opens.
 */
export function isUsableLink(
  link: EssVerifyLink | undefined,
  nowMs: number,
  channel?: VerifyChannel,
): link is EssVerifyLink {
  if (!link) return false;
  if (channel && link.kind !== linkKindOf(channel)) return false;
  return link.expireTime - Math.floor(nowMs / 1000) > REUSE_MARGIN_SECONDS;
}
