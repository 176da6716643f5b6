/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015, checked by the emulator's own code
 * (see checkCharacters.ts), as ESS checks what it is sent.
 */
export { creditCodeCheckChar, isValidUniformSocialCreditCode } from './checkCharacters';
