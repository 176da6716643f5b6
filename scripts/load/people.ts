/** Distinct, valid identities for benchmarks and load runs (one per index, up to ~5 million). */
import { idCardCheckChar } from '../../src/domain/idCard';

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_BIRTHDAY = Date.UTC(1950, 0, 1);

export function person(i: number) {
  const birthday = new Date(FIRST_BIRTHDAY + Math.floor(i / 900) * DAY_MS);
  const yyyymmdd = birthday.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `110105${yyyymmdd}${String(100 + (i % 900)).padStart(3, '0')}`;
  return {
    name: '张三',
    idCardNumber: first17 + idCardCheckChar(first17),
    mobile: `138${String(i % 1e8).padStart(8, '0')}`,
  };
}
