/**
 * ESS callbacks as the cloud's HTTP access service hands them to `essCallback`: the body ESS
 * sends (`{"encrypt": …}`, AES-256-CBC with the callback key), signed with the callback token.
 */
import { contentSignature, encryptEssCallback } from '../../server/callback/essCallbackCrypto';

export const CALLBACK_KEY = 'TestCallbackKey0123456789abcdef!';
export const CALLBACK_TOKEN = 'test-callback-token';

/** ESS's `UserAccountVerify` message for the link that carried `userData`. */
export const verifyMessage = (userData: string) => ({
  MsgId: 'msg-1',
  MsgType: 'UserAccountVerify',
  MsgVersion: 'v1',
  MsgData: { UserData: userData },
});

/** The HTTP event of a callback ESS sends with this message. */
export function callbackEvent(
  message: object,
  { token = CALLBACK_TOKEN, key = CALLBACK_KEY }: { token?: string; key?: string } = {},
) {
  const body = JSON.stringify({ encrypt: encryptEssCallback(JSON.stringify(message), key) });
  return {
    httpMethod: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-signature': contentSignature(body, token),
    },
    body,
    isBase64Encoded: false,
  };
}
