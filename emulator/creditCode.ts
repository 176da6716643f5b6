/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: the product's own check, so the
 * emulator accepts exactly what the pages and cloud functions accept.
 */
export { creditCodeCheckChar, isValidUniformSocialCreditCode } from '../src/domain/creditCode';
