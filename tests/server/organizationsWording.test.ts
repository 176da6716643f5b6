/**
 * The operator's wording: every failure of the enterprise functions has its own text (no fallback
 * to the personal flow's, which speaks of 实名), and the runtime answers with it.
 */
import { ERROR_MESSAGES, type ErrorCode } from '../../src/domain/errors';
import {
  ACCESS_MESSAGES,
  AUTHORIZATION_MESSAGES,
  INPUT_PROBLEMS,
  REGISTRATION_MESSAGES,
  REGISTRATION_URLS_MESSAGES,
  ROW_NOTES,
  enterprisePositions,
} from '../../server/organizations/wording';

const TABLES = {
  createBatchOrganizationRegistrationTasks: REGISTRATION_MESSAGES,
  describeBatchOrganizationRegistrationUrls: REGISTRATION_URLS_MESSAGES,
  createBatchOrganizationAuthorizationUrl: AUTHORIZATION_MESSAGES,
  checkOperatorAccess: ACCESS_MESSAGES,
};

describe('the enterprise functions’ wording', () => {
  it.each(Object.entries(TABLES))('%s words every failure code for the operator', (_fn, table) => {
    const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(table[code]).toMatch(/[\u4e00-\u9fa5]/);
      expect(table[code]).not.toMatch(/实名/);
    }
  });

  it('never speaks of 实名 in a row note or an input problem', () => {
    const texts = [
      ...Object.values(ROW_NOTES),
      ...Object.values(INPUT_PROBLEMS).filter((entry) => typeof entry === 'string'),
      INPUT_PROBLEMS.registrationEndpoint(['PC']),
      INPUT_PROBLEMS.authorizationEndpoint(['HTTP']),
      INPUT_PROBLEMS.confirmedItem(1, '统一社会信用代码应为18位'),
      INPUT_PROBLEMS.tooManySubTasks(100),
    ];
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(text).not.toMatch(/实名/);
  });

  it('names enterprises by their positions, as ranges', () => {
    expect(enterprisePositions([20, 0, 1, 2, 21, 5])).toBe('第1–3、6、21–22家企业');
    expect(enterprisePositions([9])).toBe('第10家企业');
  });
});
