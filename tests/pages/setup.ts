import '@testing-library/jest-dom';
import { __resetTaro } from '../mocks/taro';
import { resetEssReturn } from '../../src/services/essReturn';
import { clearFormDraft } from '../../src/services/formDraft';

beforeEach(() => {
  __resetTaro();
  resetEssReturn();
  clearFormDraft();
  delete process.env.TARO_APP_AFTER_VERIFIED_PAGE;
});
