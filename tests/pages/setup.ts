import '@testing-library/jest-dom';
import { __resetTaro } from '../mocks/taro';
import { resetEssReturn } from '../../src/services/essReturn';

beforeEach(() => {
  __resetTaro();
  resetEssReturn();
});
